package dev.agentos.command.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.it.ApiClient;
import dev.agentos.command.it.ApiClient.Response;
import dev.agentos.command.it.CommandSideExtension;
import dev.agentos.command.it.RunningCommandSide;
import dev.agentos.command.it.TenantKeys;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A key can change only what it can read: every write on an item of another project (for a key
 * bound to a project) or of another tenant is refused exactly as the same write on an id that names
 * nothing, and changes nothing. Each write is sent twice, once at the victim's item and once at an
 * unknown id; the two answers must have the same status and the same problem+json body (all but
 * {@code instance}, which is the request's own path).
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class WriteIsolationIT {

  private static final boolean SAME_TENANT = true;

  private static final List<String> WRITER_SCOPES =
      List.of("MEMORY_WRITE", "EVENTS_WRITE", "EXECUTIONS_RUN");

  @Test
  void aKeyOfAnotherProjectChangesNothingOfAProjectAndLearnsNoMoreThanForUnknownIds(
      RunningCommandSide app) {
    Victim victim = Victim.of(writerInProject(app, "project-a-" + UUID.randomUUID()));
    ApiClient intruder = writerInProject(app, "project-b-" + UUID.randomUUID()).api();

    SoftAssertions softly = new SoftAssertions();
    everyWriteIsRefusedAsForAnUnknownId(softly, app, victim, intruder, SAME_TENANT);
    softly.assertAll();
  }

  @Test
  void aKeyOfAnotherTenantChangesNothingOfItAndLearnsNoMoreThanForUnknownIds(
      RunningCommandSide app) {
    Victim victim = Victim.of(writerInProject(app, "project-a-" + UUID.randomUUID()));
    // The strongest key another tenant has: its admin's, which reaches every project of its own.
    ApiClient intruder = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.ADMIN));

    SoftAssertions softly = new SoftAssertions();
    everyWriteIsRefusedAsForAnUnknownId(softly, app, victim, intruder, !SAME_TENANT);
    SameAnswer.check(
        softly,
        "issue a key to the victim's agent",
        () -> intruder.post(victim.agentPath() + "/keys", Map.of("scopes", List.of("ADMIN"))),
        () ->
            intruder.post("/v1/agents/" + unknown() + "/keys", Map.of("scopes", List.of("ADMIN"))),
        404);
    SameAnswer.check(
        softly,
        "revoke the victim's key",
        () -> intruder.delete(victim.agentPath() + "/keys/" + victim.writer().keyId()),
        () -> intruder.delete("/v1/agents/" + unknown() + "/keys/" + victim.writer().keyId()),
        404);
    softly.assertThat(eventCount(app, victim.writer().agentId())).as("its agent").isEqualTo(2);
    softly.assertAll();
  }

  @Test
  void anAdminKeyOfTheTenantStillChangesEveryProject(RunningCommandSide app) {
    Victim victim = Victim.of(writerInProject(app, "project-a-" + UUID.randomUUID()));

    Response patched =
        app.admin().patch("/v1/memories/" + victim.memoryId(), Map.of("content", "x"), Map.of());
    Response switched =
        app.admin()
            .put(
                "/v1/sessions/" + victim.sessionId() + "/context",
                Map.of("contextId", victim.otherContextId()));

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
  }

  /**
   * @param sameTenant whether the intruder is of the victim's tenant: ids are per tenant, so to
   *     another tenant the victim's session id is an unknown one, which a switch starts
   */
  private static void everyWriteIsRefusedAsForAnUnknownId(
      SoftAssertions softly,
      RunningCommandSide app,
      Victim victim,
      ApiClient intruder,
      boolean sameTenant) {
    String ownContext = context(intruder, null);
    String ownMemory = store(intruder, ownContext);
    String memory = "/v1/memories/" + victim.memoryId();
    String nothing = "/v1/memories/" + unknown();
    Map<String, Object> replacement = new HashMap<>(memory(ownContext));
    replacement.put("reason", "mine now");

    SameAnswer.check(
        softly,
        "PATCH the victim's memory",
        () -> intruder.patch(memory, Map.of("content", "x"), Map.of()),
        () -> intruder.patch(nothing, Map.of("content", "x"), Map.of()),
        404);
    SameAnswer.check(
        softly,
        "PATCH it with an If-Match its version is not at",
        () -> intruder.patch(memory, Map.of("content", "x"), Map.of("If-Match", "\"7\"")),
        () -> intruder.patch(nothing, Map.of("content", "x"), Map.of("If-Match", "\"7\"")),
        404);
    SameAnswer.check(
        softly,
        "PATCH the victim's context as if it were a memory",
        () ->
            intruder.patch("/v1/memories/" + victim.contextId(), Map.of("content", "x"), Map.of()),
        () -> intruder.patch(nothing, Map.of("content", "x"), Map.of()),
        404);
    SameAnswer.check(
        softly,
        "supersede it",
        () -> intruder.post(memory + "/supersede", replacement),
        () -> intruder.post(nothing + "/supersede", replacement),
        404);
    SameAnswer.check(
        softly, "DELETE it", () -> intruder.delete(memory), () -> intruder.delete(nothing), 404);
    SameAnswer.check(
        softly,
        "relate it to one of the intruder's memories",
        () -> intruder.post(memory + "/relations", relation(ownMemory)),
        () -> intruder.post(nothing + "/relations", relation(ownMemory)),
        404);
    SameAnswer.check(
        softly,
        "remove its relation",
        () -> intruder.delete(memory + "/relations/" + victim.relationId()),
        () -> intruder.delete(nothing + "/relations/" + victim.relationId()),
        404);
    SameAnswer.check(
        softly,
        "relate one of the intruder's memories to it",
        () ->
            intruder.post("/v1/memories/" + ownMemory + "/relations", relation(victim.memoryId())),
        () -> intruder.post("/v1/memories/" + ownMemory + "/relations", relation(unknown())),
        422);
    String storedId = "stolen-" + UUID.randomUUID();
    SameAnswer.check(
        softly,
        "store into the victim's context",
        () -> intruder.post("/v1/memories", withId(memory(victim.contextId()), storedId)),
        () -> intruder.post("/v1/memories", memory(unknown())),
        422);
    SameAnswer.check(
        softly,
        "store a batch into it",
        () ->
            intruder.post(
                "/v1/memories/batch", batch(withId(memory(victim.contextId()), storedId))),
        () -> intruder.post("/v1/memories/batch", batch(memory(unknown()))),
        422);
    String childId = "child-" + UUID.randomUUID();
    SameAnswer.check(
        softly,
        "create a child context under it",
        () -> intruder.post("/v1/contexts", childContext(childId, victim.contextId())),
        () -> intruder.post("/v1/contexts", childContext(unknown(), unknown())),
        422);
    String targetId = "target-" + UUID.randomUUID();
    SameAnswer.check(
        softly,
        "merge it away",
        () -> intruder.post("/v1/contexts/merge", merge(targetId, ownContext, victim.contextId())),
        () -> intruder.post("/v1/contexts/merge", merge(unknown(), ownContext, unknown())),
        422);
    String ownSession = "/v1/sessions/session-" + UUID.randomUUID() + "/context";
    SameAnswer.check(
        softly,
        "switch the intruder's session to the victim's context",
        () -> intruder.put(ownSession, Map.of("contextId", victim.contextId())),
        () -> intruder.put(ownSession, Map.of("contextId", unknown())),
        422);
    String victimsSession = "/v1/sessions/" + victim.sessionId() + "/context";
    if (sameTenant) {
      // An unknown session id starts a session: the victim's answers as an unknown item does.
      SameAnswer.check(
          softly,
          "switch the victim's session to the intruder's context",
          () -> intruder.put(victimsSession, Map.of("contextId", ownContext)),
          () -> intruder.patch(nothing, Map.of("content", "x"), Map.of()),
          404);
    } else {
      // In the intruder's tenant the victim's session id is unknown: it starts its own session.
      Response switched = intruder.put(victimsSession, Map.of("contextId", ownContext));
      Response started =
          intruder.put("/v1/sessions/" + unknown() + "/context", Map.of("contextId", ownContext));
      softly.assertThat(switched.status()).as(switched.toString()).isEqualTo(started.status());
      softly.assertThat(switched.json().get("version")).isEqualTo(started.json().get("version"));
    }
    SameAnswer.check(
        softly,
        "verify the victim's suggestion",
        () ->
            intruder.post(
                "/v1/suggestions/" + victim.suggestionId() + "/verify",
                Map.of("testCommand", "make")),
        () ->
            intruder.post(
                "/v1/suggestions/" + unknown() + "/verify", Map.of("testCommand", "make")),
        404);

    softly.assertThat(eventCount(app, victim.memoryId())).as("the victim's memory").isEqualTo(2);
    softly.assertThat(eventCount(app, victim.contextId())).as("the victim's context").isEqualTo(1);
    softly.assertThat(eventCount(app, victim.sessionId())).as("the victim's session").isEqualTo(1);
    softly.assertThat(eventCount(app, victim.suggestionId())).as("its suggestion").isEqualTo(1);
    softly
        .assertThat(app.eventCountInAnyTenant(ownMemory))
        .as("the intruder's memory")
        .isEqualTo(1);
    for (String refused : List.of(storedId, childId, targetId)) {
      softly.assertThat(app.eventCountInAnyTenant(refused)).as(refused).isZero();
    }
    // Its context was not merged away: the victim still stores into it and changes its memory.
    Response stored = victim.writer().api().post("/v1/memories", memory(victim.contextId()));
    softly.assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    Response own =
        victim
            .writer()
            .api()
            .patch(memory, Map.of("content", "still mine"), Map.of("If-Match", "\"1\""));
    softly.assertThat(own.status()).as(own.toString()).isEqualTo(200);
  }

  /**
   * What one project of the app's tenant holds: a context (and a second one), a memory related to
   * another, a session in the context, a suggestion and the agent whose key made them.
   */
  private record Victim(
      Writer writer,
      String contextId,
      String otherContextId,
      String memoryId,
      String relationId,
      String sessionId,
      String suggestionId) {

    static Victim of(Writer writer) {
      ApiClient key = writer.api();
      String contextId = context(key, null);
      String memoryId = store(key, contextId);
      Response related =
          key.post("/v1/memories/" + memoryId + "/relations", relation(store(key, contextId)));
      assertThat(related.status()).as(related.toString()).isEqualTo(201);
      String sessionId = "session-" + UUID.randomUUID();
      Response switched =
          key.put("/v1/sessions/" + sessionId + "/context", Map.of("contextId", contextId));
      assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
      String suggestionId = "sugg-" + UUID.randomUUID();
      Response proposed = key.post("/v1/suggestions", suggestion(suggestionId));
      assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
      return new Victim(
          writer,
          contextId,
          context(key, null),
          memoryId,
          related.json().get("relationId").asText(),
          sessionId,
          suggestionId);
    }

    String agentPath() {
      return "/v1/agents/" + writer.agentId();
    }
  }

  /** An agent's key for everyday writes, as a client. */
  private record Writer(ApiClient api, String agentId, String keyId) {}

  /** A key of a new agent of {@code projectId} in the app's tenant, bound to that project. */
  private static Writer writerInProject(RunningCommandSide app, String projectId) {
    String agentId = "agent-" + UUID.randomUUID();
    Response registered =
        app.admin()
            .post(
                "/v1/agents",
                Map.of(
                    "agentId",
                    agentId,
                    "projectId",
                    projectId,
                    "displayName",
                    "it",
                    "client",
                    "it"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    Response issued =
        app.admin().post("/v1/agents/" + agentId + "/keys", Map.of("scopes", WRITER_SCOPES));
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    return new Writer(
        app.as(issued.json().get("key").asText()), agentId, issued.json().get("keyId").asText());
  }

  /** Events of the stream of {@code id} in the app's tenant, where the victim's items are. */
  private static long eventCount(RunningCommandSide app, String id) {
    return app.events(id).size();
  }

  private static String unknown() {
    return "unknown-" + UUID.randomUUID();
  }

  private static String context(ApiClient key, String parentContextId) {
    Map<String, Object> body = new HashMap<>(Map.of("name", "ctx-" + UUID.randomUUID()));
    if (parentContextId != null) {
      body.put("parentContextId", parentContextId);
    }
    Response created = key.post("/v1/contexts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String store(ApiClient key, String contextId) {
    Response stored = key.post("/v1/memories", memory(contextId));
    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    return stored.json().get("id").asText();
  }

  private static Map<String, Object> memory(String contextId) {
    return Map.of(
        "contextId", contextId, "content", "Use UTC " + UUID.randomUUID(), "type", "DECISION");
  }

  private static Map<String, Object> withId(Map<String, Object> memory, String memoryId) {
    Map<String, Object> body = new HashMap<>(memory);
    body.put("memoryId", memoryId);
    return body;
  }

  private static Map<String, Object> batch(Map<String, Object> memory) {
    return Map.of("memories", List.of(memory));
  }

  private static Map<String, Object> relation(String toMemoryId) {
    return Map.of("toMemoryId", toMemoryId, "relationType", "SUPPORTS");
  }

  private static Map<String, Object> childContext(String contextId, String parentContextId) {
    return Map.of(
        "contextId",
        contextId,
        "name",
        "child-" + UUID.randomUUID(),
        "parentContextId",
        parentContextId);
  }

  private static Map<String, Object> merge(String targetId, String first, String second) {
    return Map.of(
        "targetContextId",
        targetId,
        "sourceContextIds",
        List.of(first, second),
        "name",
        "merged-" + UUID.randomUUID());
  }

  /** The body proposing a snippet as {@code suggestionId}. */
  static Map<String, Object> suggestion(String suggestionId) {
    return Map.of(
        "suggestionId",
        suggestionId,
        "language",
        "python",
        "format",
        "SNIPPET",
        "code",
        "print(1)");
  }
}
