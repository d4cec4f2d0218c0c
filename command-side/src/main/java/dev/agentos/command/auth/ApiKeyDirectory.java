package dev.agentos.command.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.agentos.events.agents.ApiKeyScope;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The API keys that are valid now, by hash: the read model every request authenticates against.
 * Written by {@link ApiKeyProjection} in the transaction of the command that issued or revoked the
 * key, so a key works, or stops working, as soon as its command returns. Lookups are cached briefly
 * because every request makes one; a revocation evicts the entry at once on this node.
 */
@Component
public class ApiKeyDirectory {

  private static final Duration CACHED_FOR = Duration.ofSeconds(30);

  private final JdbcTemplate jdbc;
  private final Cache<String, Entry> cache =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHED_FOR).build();

  public ApiKeyDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The caller a key authenticates, if it is known, not revoked and not expired. */
  public Optional<Caller> authenticate(String key, Instant now) {
    String hash = ApiKeys.hash(key);
    Entry entry = cache.getIfPresent(hash);
    if (entry == null) {
      entry = load(hash);
      if (entry == null) {
        return Optional.empty();
      }
      cache.put(hash, entry);
    }
    if (entry.expiresAt() != null && !now.isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /** Whether the tenant has a valid admin key; the bootstrap creates one when it has not. */
  public boolean hasAdminKey(String tenantId) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM api_key WHERE tenant_id = ? AND revoked_at IS NULL"
                + " AND scopes LIKE ? AND (expires_at IS NULL OR expires_at > now())",
            Integer.class,
            tenantId,
            "%" + ApiKeyScope.ADMIN.name() + "%");
    return count != null && count > 0;
  }

  void add(
      String hash,
      String keyId,
      String tenantId,
      String projectId,
      String agentId,
      Collection<ApiKeyScope> scopes,
      Instant expiresAt) {
    jdbc.update(
        "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING",
        hash,
        keyId,
        tenantId,
        projectId,
        agentId,
        scopes.stream().map(Enum::name).collect(Collectors.joining(",")),
        expiresAt == null ? null : Timestamp.from(expiresAt));
  }

  void revoke(String agentId, String keyId, Instant at) {
    List<String> hashes =
        jdbc.queryForList(
            "UPDATE api_key SET revoked_at = ? WHERE agent_id = ? AND key_id = ? RETURNING key_hash",
            String.class,
            Timestamp.from(at),
            agentId,
            keyId);
    hashes.forEach(cache::invalidate);
  }

  private Entry load(String hash) {
    List<Entry> rows =
        jdbc.query(
            "SELECT key_id, tenant_id, project_id, agent_id, scopes, expires_at FROM api_key"
                + " WHERE key_hash = ? AND revoked_at IS NULL",
            (rs, i) -> {
              Timestamp expires = rs.getTimestamp("expires_at");
              return new Entry(
                  new Caller(
                      rs.getString("key_id"),
                      rs.getString("tenant_id"),
                      rs.getString("project_id"),
                      rs.getString("agent_id"),
                      Arrays.stream(rs.getString("scopes").split(","))
                          .map(ApiKeyScope::valueOf)
                          .collect(Collectors.toSet())),
                  expires == null ? null : expires.toInstant());
            },
            hash);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private record Entry(Caller caller, Instant expiresAt) {}
}
