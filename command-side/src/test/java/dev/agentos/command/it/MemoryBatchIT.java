package dev.agentos.command.it;

import static dev.agentos.command.it.MemoryApiIT.context;
import static dev.agentos.command.it.MemoryApiIT.eventCount;
import static dev.agentos.command.it.MemoryApiIT.memory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/memories/batch}: every memory stored, or none, over HTTP on the real stack. */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class MemoryBatchIT {

  @Test
  void aBatchStoresEveryMemoryWithItsOwnStream(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);
    var answer =
        writer.post(
            "/v1/memories/batch",
            Map.of(
                "memories",
                List.of(
                    memory(contextId, "one"),
                    memory(contextId, "two"),
                    memory(contextId, "three"))));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    JsonNode stored = answer.json().get("memories");
    assertThat(stored).hasSize(3);
    for (JsonNode memory : stored) {
      assertThat(memory.get("version").asLong()).isZero();
      assertThat(eventCount(app, memory.get("id").asText())).isEqualTo(1);
    }
  }

  @Test
  void oneRefusedMemoryRefusesTheBatchNamingItAndStoresNothing(RunningCommandSide app) {
    ApiClient writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    String contextId = context(writer);
    String firstId = UUID.randomUUID().toString();
    Map<String, Object> first = new java.util.HashMap<>(memory(contextId, "kept?"));
    first.put("memoryId", firstId);
    var refused =
        writer.post(
            "/v1/memories/batch",
            Map.of(
                "memories", List.of(first, memory("no-such-context-" + UUID.randomUUID(), "x"))));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("memories[1].contextId");
    assertThat(eventCount(app, firstId)).isZero();
  }

  @Test
  void aBatchNeedsMemoryWriteScope(RunningCommandSide app) {
    ApiClient reader = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_READ));
    var refused = reader.post("/v1/memories/batch", Map.of("memories", List.of(memory("c", "x"))));
    assertThat(refused.status()).isEqualTo(403);
  }
}
