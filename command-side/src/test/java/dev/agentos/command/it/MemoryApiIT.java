package dev.agentos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemorySuperseded;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Memories over HTTP against the real stack, with a MEMORY_WRITE key of the test's tenant. */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class MemoryApiIT {

  @Test
  void aStoredMemoryAnswers201AtVersionZero(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);

    var stored = writer.post("/v1/memories", memory(contextId, "Use UTC"));

    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    assertThat(stored.header("ETag")).isEqualTo("\"0\"");
    String memoryId = stored.json().get("id").asText();
    assertThat(stored.header("Location")).isEqualTo("/v1/memories/" + memoryId);
    assertThat(stored.json().get("version").asLong()).isZero();

    Map<String, Object> sameId = new HashMap<>(memory(contextId, "Other"));
    sameId.put("memoryId", memoryId);
    var again = writer.post("/v1/memories", sameId);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(eventCount(app, memoryId)).isEqualTo(1);
  }

  @Test
  void aPatchWithAnIfMatchThatIsNotTheCurrentVersionChangesNothing(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String memoryId = store(writer, context(writer), "Use UTC");

    var ahead = writer.patch("/v1/memories/" + memoryId, Map.of("content", "x"), ifMatch(3));
    assertThat(ahead.status()).as(ahead.toString()).isEqualTo(409);
    assertThat(ahead.json().get("currentVersion").asLong()).isZero();
    assertThat(eventCount(app, memoryId)).isEqualTo(1);

    var current =
        writer.patch("/v1/memories/" + memoryId, Map.of("content", "Use UTC!"), ifMatch(0));
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(current.json().get("version").asLong()).isEqualTo(1);
    assertThat(current.header("ETag")).isEqualTo("\"1\"");

    var stale = writer.patch("/v1/memories/" + memoryId, Map.of("content", "y"), ifMatch(0));
    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(eventCount(app, memoryId)).isEqualTo(2);
  }

  @Test
  void aRelationToAnUnknownMemoryNamesTheField(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String memoryId = store(writer, context(writer), "Use UTC");

    var refused =
        writer.post(
            "/v1/memories/" + memoryId + "/relations",
            Map.of("toMemoryId", "unknown-" + UUID.randomUUID(), "relationType", "SUPPORTS"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("toMemoryId");
    assertThat(eventCount(app, memoryId)).isEqualTo(1);
  }

  @Test
  void aRelationCanBeAddedAndRemovedByItsId(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);
    String from = store(writer, contextId, "Use UTC");
    String to = store(writer, contextId, "Clocks drift");

    var added =
        writer.post(
            "/v1/memories/" + from + "/relations",
            Map.of("toMemoryId", to, "relationType", "DEPENDS_ON", "strength", 0.5));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String relationId = added.json().get("relationId").asText();

    var removed = writer.delete("/v1/memories/" + from + "/relations/" + relationId);
    assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    assertThat(removed.json().get("version").asLong()).isEqualTo(2);
    assertThat(writer.delete("/v1/memories/" + from + "/relations/" + relationId).status())
        .isEqualTo(404);
  }

  @Test
  void anotherTenantCannotChangeOrForgetAMemory(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    ApiClient stranger = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.MEMORY_WRITE));
    String memoryId = store(writer, context(writer), "Use UTC");

    var patched = stranger.patch("/v1/memories/" + memoryId, Map.of("content", "x"), Map.of());
    var deleted = stranger.delete("/v1/memories/" + memoryId);

    assertThat(patched.status()).as(patched.toString()).isEqualTo(404);
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(404);
    assertThat(eventCount(app, memoryId)).isEqualTo(1);
  }

  @Test
  void aSupersededMemoryStaysInHistoryAndCannotChange(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);
    String oldId = store(writer, contextId, "Use UTC");

    Map<String, Object> replacement = new HashMap<>(memory(contextId, "Use UTC everywhere"));
    replacement.put("reason", "more precise");
    var superseded = writer.post("/v1/memories/" + oldId + "/supersede", replacement);

    assertThat(superseded.status()).as(superseded.toString()).isEqualTo(201);
    String newId = superseded.json().get("id").asText();
    assertThat(eventCount(app, newId)).isEqualTo(1);
    assertThat(app.events(oldId).get(1))
        .isInstanceOfSatisfying(
            MemorySuperseded.class, e -> assertThat(e.getSupersededBy()).isEqualTo(newId));
    assertThat(writer.patch("/v1/memories/" + oldId, Map.of("content", "x"), Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  void aMemoryIsForgottenOnce(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String memoryId = store(writer, context(writer), "Use UTC");

    assertThat(writer.delete("/v1/memories/" + memoryId + "?note=wrong").status()).isEqualTo(200);
    var again = writer.delete("/v1/memories/" + memoryId);

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(eventCount(app, memoryId)).isEqualTo(2);
  }

  @Test
  void aBodyFieldOutOfRangeIsNamed(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);
    Map<String, Object> tooSure = new HashMap<>(memory(contextId, "x"));
    tooSure.put("confidence", 1.5);
    Map<String, Object> hugeVector = new HashMap<>(memory(contextId, "x"));
    hugeVector.put("embedding", Map.of("model", "mini", "vector", List.of(1, 1e39)));

    var confidence = writer.post("/v1/memories", tooSure);
    var vector = writer.post("/v1/memories", hugeVector);
    var context = writer.post("/v1/memories", memory("unknown-" + UUID.randomUUID(), "x"));

    assertThat(confidence.status()).isEqualTo(422);
    assertThat(confidence.json().get("field").asText()).isEqualTo("confidence");
    assertThat(vector.status()).as(vector.toString()).isEqualTo(422);
    assertThat(vector.json().get("field").asText()).isEqualTo("embedding.vector[1]");
    assertThat(context.status()).isEqualTo(422);
    assertThat(context.json().get("field").asText()).isEqualTo("contextId");
  }

  @Test
  void aKeyWithoutMemoryWriteCannotStore(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    ApiClient reader = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_READ));

    assertThat(reader.post("/v1/memories", memory(context(writer), "x")).status()).isEqualTo(403);
  }

  static String context(ApiClient writer) {
    var created = writer.post("/v1/contexts", Map.of("name", "ctx-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static String store(ApiClient writer, String contextId, String content) {
    var stored = writer.post("/v1/memories", memory(contextId, content));
    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    return stored.json().get("id").asText();
  }

  static Map<String, Object> memory(String contextId, String content) {
    return Map.of(
        "contextId",
        contextId,
        "content",
        content,
        "type",
        "DECISION",
        "tags",
        List.of("time"),
        "confidence",
        0.9);
  }

  static long eventCount(RunningCommandSide app, String memoryId) {
    return app.events(memoryId).size();
  }

  private static Map<String, String> ifMatch(long version) {
    return Map.of("If-Match", "\"" + version + "\"");
  }
}
