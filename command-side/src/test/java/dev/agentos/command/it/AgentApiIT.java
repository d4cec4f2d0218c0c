package dev.agentos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.auth.ApiKeys;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Agents, keys and authentication over HTTP against the real stack. */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class AgentApiIT {

  @Test
  void anIssuedKeyAuthenticatesUntilItIsRevoked(RunningCommandSide app) {
    String agentId = "agent-" + UUID.randomUUID();
    var registered =
        app.admin()
            .post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.header("ETag")).isEqualTo("\"0\"");

    JsonNode issued =
        app.admin()
            .post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of("ADMIN")))
            .json();
    ApiClient agent = app.as(issued.get("key").asText());
    assertThat(agent.post("/v1/agents", Map.of("displayName", "B", "client", "c")).status())
        .isEqualTo(201);

    var revoked =
        app.admin().delete("/v1/agents/" + agentId + "/keys/" + issued.get("keyId").asText());
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    var refused = agent.post("/v1/agents", Map.of("displayName", "C", "client", "c"));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void aRequestWithoutAValidKeyIsRefusedAndChangesNothing(RunningCommandSide app) {
    String agentId = "agent-" + UUID.randomUUID();
    var anonymous =
        app.as(null)
            .post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"));
    var unknown =
        app.as(ApiKeys.generate())
            .post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("detail").asText()).contains("no API key");
    assertThat(unknown.status()).isEqualTo(401);
    // Had either created the agent, this registration would be refused as a duplicate.
    assertThat(
            app.admin()
                .post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void aKeyOutsideItsScopeIsForbidden(RunningCommandSide app) {
    String agentId = "agent-" + UUID.randomUUID();
    app.admin().post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"));
    String key =
        app.admin()
            .post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of("MEMORY_READ")))
            .json()
            .get("key")
            .asText();
    var refused = app.as(key).post("/v1/agents", Map.of("displayName", "B", "client", "c"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("ADMIN");
  }

  @Test
  void anInvalidBodyNamesTheField(RunningCommandSide app) {
    var refused = app.admin().post("/v1/agents", Map.of("client", "c"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("displayName");
  }
}
