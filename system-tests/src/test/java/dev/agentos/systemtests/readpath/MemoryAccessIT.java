package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import dev.agentos.schemas.fixtures.MemoryEvents;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads by id are recorded as MemoryAccessed events on the real Kafka, through the registry serde,
 * batched: several quick reads of one caller and session become fewer events than reads. The memory
 * comes from the history read model (asOf), so only that one has to be seeded.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class MemoryAccessIT {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void readsAreRecordedBatchedWithTheCallersHeaderAndTheIdsInReadOrder(RunningQuerySide app) {
    String tenant = "it-access-" + UUID.randomUUID();
    MemoryEvents a = new MemoryEvents(tenant, UUID.randomUUID().toString());
    MemoryEvents b = new MemoryEvents(tenant, UUID.randomUUID().toString());
    HistorySeed store = new HistorySeed(app.cassandra());
    store.append(a.stored(T0, "a"));
    store.append(b.stored(T0, "b"));
    QueryClient reader = app.as(app.newKey(tenant, "p1", ApiKeyScope.MEMORY_READ));
    String session = "session-" + UUID.randomUUID();
    String asOf = "?asOf=2026-03-02T00:00:00Z";

    List<String> read = List.of(a.memoryId, b.memoryId, a.memoryId, b.memoryId, a.memoryId);
    for (String id : read) {
      var answer = reader.get("/v1/memories/" + id + asOf, Map.of("X-Session-Id", session));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
    assertThat(reader.get("/v1/memories/" + UUID.randomUUID() + asOf).status())
        .as("a read that found nothing is not recorded")
        .isEqualTo(404);

    List<MemoryAccessed> events = recorded(app, tenant, read.size());

    assertThat(events.stream().flatMap(e -> e.getMemoryIds().stream()).toList())
        .containsExactlyElementsOf(read);
    assertThat(events).hasSizeLessThan(read.size());
    for (MemoryAccessed e : events) {
      assertThat(e.getAccessKind()).isEqualTo(MemoryAccessKind.GET);
      assertThat(e.getContextId()).isNull();
      assertThat(e.getHeader().getTenantId()).isEqualTo(tenant);
      assertThat(e.getHeader().getProjectId()).isEqualTo("p1");
      assertThat(e.getHeader().getAgentId()).startsWith("it-agent-");
      assertThat(e.getHeader().getSessionId()).isEqualTo(session);
      assertThat(e.getHeader().getSource()).isEqualTo("query-side");
      assertThat(UUID.fromString(e.getHeader().getEventId())).isNotNull();
    }
    assertThat(events).extracting(e -> e.getHeader().getEventId()).doesNotHaveDuplicates();
  }

  /** The tenant's access events on this JVM's topic, until they hold {@code ids} ids or 30 s. */
  private static List<MemoryAccessed> recorded(RunningQuerySide app, String tenant, int ids) {
    RegistryAvroDeserializer<Object> values =
        new RegistryAvroDeserializer<>(
            SchemaRegistryClient.connect(app.stack().schemaRegistryUrl()));
    values.configure(Map.of(), false);
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            app.stack().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-access-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<MemoryAccessed> events = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(RunningQuerySide.ACCESS_TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int seen = 0;
      while (seen < ids && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          MemoryAccessed event = (MemoryAccessed) record.value();
          if (event.getHeader().getTenantId().equals(tenant)) {
            assertThat(record.key()).isEqualTo(event.getHeader().getSessionId());
            events.add(event);
            seen += event.getMemoryIds().size();
          }
        }
      }
    }
    return events;
  }
}
