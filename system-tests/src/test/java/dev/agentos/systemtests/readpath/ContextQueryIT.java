package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads contexts and a session's active context over HTTP, within the caller's tenant only. */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class ContextQueryIT {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static ReadModelSeed seed;
  private static QueryClient reader;
  private static QueryClient stranger;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    seed = new ReadModelSeed(app);
    seed.context("ctx-a", T0);
    seed.context("ctx-b", T0.plusSeconds(1));
    seed.memory("ma", "ctx-a", MemoryType.FACT, T0.plusSeconds(2));
    seed.memory("mb", "ctx-a", MemoryType.FACT, T0.plusSeconds(3));
    seed.switched("sess-1", null, "ctx-a", T0.plusSeconds(4));
    seed.switched("sess-1", "ctx-a", "ctx-b", T0.plusSeconds(5));
    reader = app.as(app.newKey(seed.tenant, seed.project, ApiKeyScope.MEMORY_READ));
    stranger = app.as(app.newKey("it-other-tenant", seed.project, ApiKeyScope.ADMIN));
  }

  @Test
  void aContextIsReadWithItsMembers() {
    var answer = reader.get("/v1/contexts/ctx-a");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode context = answer.json();
    assertThat(context.get("id").asText()).isEqualTo("ctx-a");
    assertThat(context.get("name").asText()).isEqualTo("name ctx-a");
    assertThat(context.get("state").asText()).isEqualTo("OPEN");
    assertThat(context.get("projectId").asText()).isEqualTo(seed.project);
    List<String> members = new ArrayList<>();
    context.get("members").forEach(m -> members.add(m.get("memoryId").asText()));
    assertThat(members).containsExactlyInAnyOrder("ma", "mb");
  }

  @Test
  void aSessionsContextIsTheOneItSwitchedToLast() {
    var answer = reader.get("/v1/sessions/sess-1/context");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode active = answer.json();
    assertThat(active.get("contextId").asText()).isEqualTo("ctx-b");
    assertThat(active.get("previousContextId").asText()).isEqualTo("ctx-a");
    assertThat(active.get("switchedAt").asText()).isEqualTo("2026-11-01T10:00:05Z");
    assertThat(active.get("context").get("name").asText()).isEqualTo("name ctx-b");
  }

  @Test
  void unknownOnesAndAnotherTenantsAreNotFound() {
    assertThat(reader.get("/v1/contexts/ctx-none").status()).isEqualTo(404);
    assertThat(reader.get("/v1/sessions/sess-none/context").status()).isEqualTo(404);
    assertThat(stranger.get("/v1/contexts/ctx-a").status()).isEqualTo(404);
    assertThat(stranger.get("/v1/sessions/sess-1/context").status()).isEqualTo(404);
  }

  @Test
  void readingAContextNeedsAKeyWithTheReadScope(RunningQuerySide app) {
    assertThat(app.as(null).get("/v1/contexts/ctx-a").status()).isEqualTo(401);
    String writer = app.newKey(seed.tenant, seed.project, ApiKeyScope.MEMORY_WRITE);
    assertThat(app.as(writer).get("/v1/sessions/sess-1/context").status()).isEqualTo(403);
  }
}
