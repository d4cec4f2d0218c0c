package dev.agentos.command.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.it.ApiClient;
import dev.agentos.command.it.ApiClient.Response;
import dev.agentos.command.it.CommandSideExtension;
import dev.agentos.command.it.RunningCommandSide;
import dev.agentos.command.it.TenantKeys;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ids are per tenant: two tenants choose the same memory, context, agent, session, execution and
 * suggestion ids independently, each changes only its own, and an id another tenant uses answers
 * exactly as an unknown id does, so no tenant learns or takes another's ids.
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class TenantIdsIT {

  @Test
  void twoTenantsUseTheSameIdsIndependently(RunningCommandSide app) {
    ApiClient first = app.admin();
    ApiClient second = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.ADMIN));
    Ids ids = Ids.fresh();

    SoftAssertions softly = new SoftAssertions();
    for (ApiClient tenant : List.of(first, second)) {
      ids.createEach(softly, tenant);
    }
    softly.assertAll();

    // Each changes its own: the second's change leaves the first's memory at its version.
    Response changed =
        second.patch(
            "/v1/memories/" + ids.memoryId(),
            Map.of("content", "second's"),
            Map.of("If-Match", "\"0\""));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    Response own =
        first.patch(
            "/v1/memories/" + ids.memoryId(),
            Map.of("content", "first's"),
            Map.of("If-Match", "\"0\""));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    Response keyed =
        second.post(
            "/v1/agents/" + ids.agentId() + "/keys", Map.of("scopes", List.of("MEMORY_READ")));
    assertThat(keyed.status()).as(keyed.toString()).isEqualTo(201);

    assertThat(app.events(ids.memoryId())).as("the first tenant's memory").hasSize(2);
    assertThat(app.events(ids.agentId())).as("the first tenant's agent").hasSize(1);
    for (String id :
        List.of(ids.contextId(), ids.sessionId(), ids.executionId(), ids.suggestionId())) {
      assertThat(app.events(id)).as("the first tenant's " + id).hasSize(1);
      assertThat(app.eventCountInAnyTenant(id)).as("both tenants' " + id).isEqualTo(2);
    }
    assertThat(app.eventCountInAnyTenant(ids.memoryId())).isEqualTo(4);
  }

  @Test
  void anIdAnotherTenantUsesAnswersExactlyAsAnUnknownOne(RunningCommandSide app) {
    ApiClient owner = app.admin();
    ApiClient other = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.ADMIN));
    Ids theirs = Ids.fresh();
    SoftAssertions created = new SoftAssertions();
    theirs.createEach(created, owner);
    created.assertAll();
    String ownContext = "ctx-" + UUID.randomUUID();
    assertThat(other.post("/v1/contexts", Map.of("contextId", ownContext, "name", "own")).status())
        .isEqualTo(201);

    SoftAssertions softly = new SoftAssertions();
    SameAnswer.check(
        softly,
        "PATCH their memory",
        () -> other.patch("/v1/memories/" + theirs.memoryId(), Map.of("content", "x"), Map.of()),
        () -> other.patch("/v1/memories/" + unknown(), Map.of("content", "x"), Map.of()),
        404);
    SameAnswer.check(
        softly,
        "issue a key to their agent",
        () -> other.post("/v1/agents/" + theirs.agentId() + "/keys", adminScope()),
        () -> other.post("/v1/agents/" + unknown() + "/keys", adminScope()),
        404);
    SameAnswer.check(
        softly,
        "verify their suggestion",
        () -> other.post("/v1/suggestions/" + theirs.suggestionId() + "/verify", make()),
        () -> other.post("/v1/suggestions/" + unknown() + "/verify", make()),
        404);
    SameAnswer.check(
        softly,
        "create a child of their context",
        () -> other.post("/v1/contexts", child(theirs.contextId())),
        () -> other.post("/v1/contexts", child(unknown())),
        422);
    // A switch of an unknown session starts one: so does a switch of their session's id.
    Response switched =
        other.put(
            "/v1/sessions/" + theirs.sessionId() + "/context", Map.of("contextId", ownContext));
    Response started =
        other.put("/v1/sessions/" + unknown() + "/context", Map.of("contextId", ownContext));
    softly.assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
    softly.assertThat(started.status()).as(started.toString()).isEqualTo(200);
    softly.assertThat(switched.json().get("version")).isEqualTo(started.json().get("version"));
    softly.assertAll();

    for (String id :
        List.of(
            theirs.memoryId(),
            theirs.contextId(),
            theirs.agentId(),
            theirs.sessionId(),
            theirs.suggestionId())) {
      assertThat(app.events(id)).as("their " + id + " is unchanged").hasSize(1);
    }
  }

  /** One id of each kind a client chooses. */
  private record Ids(
      String contextId,
      String memoryId,
      String agentId,
      String sessionId,
      String executionId,
      String suggestionId) {

    static Ids fresh() {
      String suffix = UUID.randomUUID().toString();
      return new Ids(
          "ctx-" + suffix,
          "mem-" + suffix,
          "agent-" + suffix,
          "session-" + suffix,
          "exec-" + suffix,
          "sugg-" + suffix);
    }

    /** Creates each item in {@code tenant}: every creation answers as for a new id. */
    void createEach(SoftAssertions softly, ApiClient tenant) {
      created(
          softly,
          "context",
          tenant.post("/v1/contexts", Map.of("contextId", contextId, "name", "main " + contextId)),
          201);
      created(
          softly,
          "memory",
          tenant.post(
              "/v1/memories",
              Map.of(
                  "memoryId",
                  memoryId,
                  "contextId",
                  contextId,
                  "content",
                  "Use UTC",
                  "type",
                  "FACT")),
          201);
      created(
          softly,
          "agent",
          tenant.post(
              "/v1/agents", Map.of("agentId", agentId, "displayName", "it", "client", "it")),
          201);
      created(
          softly,
          "session",
          tenant.put("/v1/sessions/" + sessionId + "/context", Map.of("contextId", contextId)),
          200);
      created(
          softly,
          "execution",
          tenant.post(
              "/v1/executions",
              Map.of("executionId", executionId, "language", "python", "code", "print(1)")),
          201);
      created(
          softly,
          "suggestion",
          tenant.post("/v1/suggestions", WriteIsolationIT.suggestion(suggestionId)),
          201);
    }

    private static void created(SoftAssertions softly, String what, Response answer, int status) {
      softly.assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
      if (answer.status() == status) {
        softly.assertThat(answer.json().get("version").asLong()).as(what).isZero();
      }
    }
  }

  private static String unknown() {
    return "unknown-" + UUID.randomUUID();
  }

  private static Map<String, Object> adminScope() {
    return Map.of("scopes", List.of("ADMIN"));
  }

  private static Map<String, Object> make() {
    return Map.of("testCommand", "make");
  }

  private static Map<String, Object> child(String parentContextId) {
    return Map.of(
        "contextId",
        "child-" + UUID.randomUUID(),
        "name",
        "child",
        "parentContextId",
        parentContextId);
  }
}
