package dev.agentos.command.it;

import static dev.agentos.command.it.MemoryApiIT.context;
import static dev.agentos.command.it.MemoryApiIT.memory;
import static dev.agentos.command.it.MemoryApiIT.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextSwitched;
import dev.agentos.events.memory.ContextsMerged;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contexts and sessions over HTTP against the real stack. */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class ContextApiIT {

  @Test
  void aMergeCollapsesDuplicateContentAndClosesItsSources(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String first = context(writer);
    String second = context(writer);
    String kept = store(writer, first, "Use UTC");
    String duplicate = store(writer, second, "  Use   UTC\n");
    String other = store(writer, second, "Tabs");

    var merged =
        writer.post(
            "/v1/contexts/merge",
            Map.of(
                "sourceContextIds", List.of(first, second), "name", "merged-" + UUID.randomUUID()));

    assertThat(merged.status()).as(merged.toString()).isEqualTo(201);
    assertThat(merged.json().get("version").asLong()).isEqualTo(1);
    String target = merged.json().get("id").asText();
    List<Object> events = payloads(app, target);
    assertThat(events.get(0)).isInstanceOf(ContextCreated.class);
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            ContextsMerged.class,
            e -> {
              assertThat(e.getCollapsedDuplicates())
                  .containsExactly(new CollapsedDuplicate(duplicate, kept));
              assertThat(e.getMovedMemoryCount()).isEqualTo(2);
            });

    var intoSource = writer.post("/v1/memories", memory(first, "late"));
    assertThat(intoSource.status()).as(intoSource.toString()).isEqualTo(422);
    assertThat(intoSource.json().get("field").asText()).isEqualTo("contextId");
    var mergedAgain =
        writer.post(
            "/v1/contexts/merge",
            Map.of("sourceContextIds", List.of(second, context(writer)), "name", "again"));
    assertThat(mergedAgain.status()).isEqualTo(422);
    assertThat(mergedAgain.json().get("field").asText()).isEqualTo("sourceContextIds[0]");
    assertThat(writer.patch("/v1/memories/" + duplicate, Map.of("content", "x"), Map.of()).status())
        .isEqualTo(409);
    assertThat(writer.patch("/v1/memories/" + other, Map.of("content", "x"), Map.of()).status())
        .isEqualTo(200);
    assertThat(store(writer, target, "new")).isNotBlank();
  }

  @Test
  void aSessionSwitchesBetweenOpenContextsOfItsTenantOnly(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    ApiClient stranger = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.MEMORY_WRITE));
    String sessionId = "session-" + UUID.randomUUID();
    String first = context(writer);
    String second = context(writer);
    String path = "/v1/sessions/" + sessionId + "/context";

    assertThat(writer.put(path, Map.of("contextId", first)).status()).isEqualTo(200);
    var switched = writer.put(path, Map.of("contextId", second));
    var unknown = writer.put(path, Map.of("contextId", "unknown-" + UUID.randomUUID()));
    var strangers = stranger.put(path, Map.of("contextId", first));
    var strangersContext =
        stranger.put(
            "/v1/sessions/s-" + UUID.randomUUID() + "/context", Map.of("contextId", first));

    assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
    assertThat(switched.json().get("version").asLong()).isEqualTo(1);
    assertThat(payloads(app, sessionId).get(1))
        .isInstanceOfSatisfying(
            ContextSwitched.class,
            e -> {
              assertThat(e.getPreviousContextId()).isEqualTo(first);
              assertThat(e.getContextId()).isEqualTo(second);
            });
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asText()).isEqualTo("contextId");
    // Ids are per tenant: to the stranger the session id names a new session of its own, and the
    // writer's context is unknown to it, as in any other session of its own.
    assertThat(strangers.status()).as(strangers.toString()).isEqualTo(422);
    assertThat(strangersContext.status()).isEqualTo(422);
    assertThat(strangers.json().get("detail")).isEqualTo(strangersContext.json().get("detail"));
    assertThat(payloads(app, sessionId)).hasSize(2);
  }

  @Test
  void aContextNameIsUniqueAmongTheOpenContextsOfAProject(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String name = "ctx-" + UUID.randomUUID();

    assertThat(writer.post("/v1/contexts", Map.of("name", name)).status()).isEqualTo(201);
    var again = writer.post("/v1/contexts", Map.of("name", name));

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
  }

  private static List<Object> payloads(RunningCommandSide app, String id) {
    return app.events(id);
  }
}
