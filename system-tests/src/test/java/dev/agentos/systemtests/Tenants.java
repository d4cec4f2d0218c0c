package dev.agentos.systemtests;

import dev.agentos.auth.ApiKeys;
import dev.agentos.client.AgentOsClient;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.service.CodeExecutorService;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ProjectionsService;
import dev.agentos.deploy.local.service.QuerySideService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Tenants of their own for each test class: a key is written into {@code api_key} as the command
 * side stores an issued one (its SHA-256, never the key), so both APIs accept it at once.
 */
final class Tenants {

  private final StackEndpoints stack;

  Tenants(StackEndpoints stack) {
    this.stack = stack;
  }

  String commandSideUrl() {
    return application(CommandSideService.URL);
  }

  String querySideUrl() {
    return application(QuerySideService.URL);
  }

  String executorUrl() {
    return application(CodeExecutorService.URL);
  }

  /** A client of both APIs as a new key of {@code tenantId}/{@code projectId}. */
  AgentOsClient newClient(String tenantId, String projectId) {
    return client(newKey(tenantId, projectId));
  }

  /** A client of both APIs and of the projections' admin API as the holder of {@code key}. */
  AgentOsClient client(String key) {
    return AgentOsClient.builder()
        .commandUrl(commandSideUrl())
        .queryUrl(querySideUrl())
        .projectionsUrl(application(ProjectionsService.URL))
        .apiKey(key)
        // The stack shares two cores with the build; a slow answer is not what these tests test.
        .timeout(Duration.ofMinutes(2))
        .build();
  }

  /** A new key of {@code tenantId}/{@code projectId} that may write and read memories. */
  String newKey(String tenantId, String projectId) {
    return newKey(tenantId, projectId, "MEMORY_WRITE,MEMORY_READ");
  }

  /** A new key of {@code tenantId}/{@code projectId} with {@code scopes} (comma-separated). */
  String newKey(String tenantId, String projectId, String scopes) {
    String key = ApiKeys.generate();
    try (Connection db =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO api_key (key_hash, key_id, tenant_id, project_id, agent_id, scopes)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, ApiKeys.hash(key));
      insert.setString(2, UUID.randomUUID().toString());
      insert.setString(3, tenantId);
      insert.setString(4, projectId);
      insert.setString(5, "st-agent-" + UUID.randomUUID());
      insert.setString(6, scopes);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add a key to api_key", e);
    }
    return key;
  }

  private String application(String urlKey) {
    return stack
        .application(urlKey)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the stack runs no "
                        + urlKey
                        + ": system tests need the applications (AGENTOS_STACK=local with the"
                        + " agentos.it.*.jar properties of system-tests' pom, or ./agentos up)"));
  }
}
