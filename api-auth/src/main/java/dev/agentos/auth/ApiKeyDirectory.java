package dev.agentos.auth;

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

/**
 * The API keys that are valid now, by hash: the table {@code api_key} ({@value #TABLE_DDL}) every
 * request of both HTTP APIs authenticates against. The command side writes it in the transaction of
 * the command that issued or revoked a key. Lookups are cached briefly because every request makes
 * one; the node that revokes a key {@link #forget}s it at once, another node (the query side)
 * within {@value #CACHED_SECONDS} seconds. A key that is not in the table is remembered as unknown
 * for {@value #UNKNOWN_CACHED_SECONDS} seconds, so a client repeating a made-up key costs
 * PostgreSQL one query, not one per request; the node that issues a key forgets that at once.
 */
public class ApiKeyDirectory {

  /** The classpath resource that creates {@code api_key}, for the application that owns it. */
  public static final String TABLE_DDL = "dev/agentos/auth/api-key-table.sql";

  static final int CACHED_SECONDS = 30;
  static final int UNKNOWN_CACHED_SECONDS = 10;

  private final JdbcTemplate jdbc;
  private final Cache<String, Entry> cache =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfterWrite(Duration.ofSeconds(CACHED_SECONDS))
          .build();
  private final Cache<String, Boolean> unknown =
      Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfterWrite(Duration.ofSeconds(UNKNOWN_CACHED_SECONDS))
          .build();

  public ApiKeyDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The caller a key authenticates, if it is known, not revoked and not expired. */
  public Optional<Caller> authenticate(String key, Instant now) {
    String hash = ApiKeys.hash(key);
    Entry entry = cache.getIfPresent(hash);
    if (entry == null) {
      if (unknown.getIfPresent(hash) != null) {
        return Optional.empty();
      }
      entry = load(hash);
      if (entry == null) {
        unknown.put(hash, Boolean.TRUE);
        return Optional.empty();
      }
      cache.put(hash, entry);
    }
    if (entry.expiresAt() != null && !now.isBefore(entry.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /**
   * Drops what this node remembers of keys by hash: a revocation takes effect here at once, and a
   * key just issued is not refused as unknown because a client tried it before.
   */
  public void forget(Collection<String> hashes) {
    cache.invalidateAll(hashes);
    unknown.invalidateAll(hashes);
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
