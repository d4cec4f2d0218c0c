package dev.agentos.projections.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks an admin key against the command side's {@code api_key} table, which holds the hex SHA-256
 * of each key: valid means not revoked, not expired and with the {@code ADMIN} scope.
 *
 * <p>A replay rebuilds a read model for every tenant, which is more than one tenant's admin should
 * decide. So when {@code operatorTenant} is set, only that tenant's admin keys may replay; left
 * empty (a one-tenant local stack), any tenant's admin key may.
 */
public final class AdminKeys {

  static final String ADMIN_SCOPE = "ADMIN";

  private final JdbcTemplate jdbc;
  private final String operatorTenant;

  public AdminKeys(JdbcTemplate jdbc, String operatorTenant) {
    this.jdbc = jdbc;
    this.operatorTenant = operatorTenant == null ? "" : operatorTenant.strip();
  }

  /** Why a key may not replay: {@code unauthenticated} for no valid key, else forbidden. */
  public record Refusal(boolean unauthenticated, String reason) {}

  /** Why {@code key} may not replay, or null when it may. */
  public Refusal refusal(String key) {
    if (key == null || key.isBlank()) {
      return new Refusal(
          true, "no admin key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
    }
    List<String[]> rows =
        jdbc.query(
            "SELECT tenant_id, scopes FROM api_key WHERE key_hash = ? AND revoked_at IS NULL"
                + " AND (expires_at IS NULL OR expires_at > now())",
            (rs, i) -> new String[] {rs.getString("tenant_id"), rs.getString("scopes")},
            hash(key));
    if (rows.isEmpty()) {
      return new Refusal(true, "the API key is unknown, revoked or expired");
    }
    String tenant = rows.get(0)[0];
    boolean admin = Arrays.asList(rows.get(0)[1].split(",")).contains(ADMIN_SCOPE);
    if (!admin) {
      return new Refusal(false, "the API key has no ADMIN scope");
    }
    if (!operatorTenant.isEmpty() && !operatorTenant.equals(tenant)) {
      return new Refusal(
          false,
          "only an admin key of the operator tenant may replay a read model of every tenant");
    }
    return null;
  }

  /** The stored form of a key, as the command side writes it (ApiKeys.hash). */
  static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
