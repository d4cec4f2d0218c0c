package dev.agentos.command.auth;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.events.agents.ApiKeyScope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the table {@code api_key} that {@link ApiKeyDirectory} (shared with the query side)
 * authenticates against. Only the command side writes it, from {@link ApiKeyProjection}, in the
 * transaction of the command that issued or revoked the key, so a key works, or stops working, as
 * soon as its command returns.
 */
@Component
public class ApiKeyTable {

  private final JdbcTemplate jdbc;
  private final ApiKeyDirectory directory;

  public ApiKeyTable(JdbcTemplate jdbc, ApiKeyDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
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
    // A client may have tried this key before it existed: this node must not still refuse it.
    directory.forget(List.of(hash));
  }

  /** Revokes the agent's key; agent ids are unique per tenant only, so the tenant names it. */
  void revoke(String tenantId, String agentId, String keyId, Instant at) {
    List<String> hashes =
        jdbc.queryForList(
            "UPDATE api_key SET revoked_at = ? WHERE tenant_id = ? AND agent_id = ? AND key_id = ?"
                + " RETURNING key_hash",
            String.class,
            Timestamp.from(at),
            tenantId,
            agentId,
            keyId);
    // This node stops accepting the key at once; other nodes when their cache entry expires.
    directory.forget(hashes);
  }
}
