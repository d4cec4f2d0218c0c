package dev.agentos.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.metrics.MetricRecorded;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesAreUnique() {
    List<String> names = Topics.all().stream().map(Topic::name).toList();

    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void allListsEveryDeclaredTopic() throws IllegalAccessException {
    List<Object> declared = new ArrayList<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
        declared.add(field.get(null));
      }
    }

    assertThat(List.<Object>copyOf(Topics.all())).containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void everyEventIsOnExactlyOneTopicOutsideRawIngest() {
    for (Class<?> event : GeneratedRecords.events()) {
      List<String> carriers =
          Topics.all().stream()
              .filter(topic -> topic.role() != TopicRole.RAW && topic.carries(event))
              .map(Topic::name)
              .toList();

      assertThat(carriers).as("topics carrying %s", event.getName()).hasSize(1);
    }
  }

  @Test
  void topicsCarryOnlyEvents() {
    List<Class<?>> events = List.copyOf(GeneratedRecords.events());

    Topics.all()
        .forEach(topic -> assertThat(events).as(topic.name()).containsAll(topic.eventTypes()));
  }

  @Test
  void everyRawTopicMirrorsItsCanonicalTopic() {
    // The dedup stage copies raw to canonical one to one: same events, same key, same partition.
    for (Topic<String, ?> raw :
        Topics.all().stream().filter(t -> t.role() == TopicRole.RAW).toList()) {
      Topic<String, ?> canonical = Topics.named(raw.name().replace(".raw.", ".")).orElseThrow();

      assertThat(canonical.role()).isEqualTo(TopicRole.CANONICAL);
      assertThat(canonical.valueType()).isEqualTo(raw.valueType());
      assertThat(canonical.eventTypes()).isEqualTo(raw.eventTypes());
      assertThat(canonical.keyedBy()).isEqualTo(raw.keyedBy());
      assertThat(canonical.partitions()).isEqualTo(raw.partitions());
      assertThat(raw.retention().isForever()).as(raw.name()).isFalse();
    }
  }

  @Test
  void everyTopicButRawIngestIsKeptForeverSoReplayStartsAtOffsetZero() {
    Topics.all().stream()
        .filter(topic -> topic.role() != TopicRole.RAW)
        .forEach(topic -> assertThat(topic.retention().isForever()).as(topic.name()).isTrue());
  }

  @Test
  void compactedTopicsCarryOneEventTypeSoTheLatestPerKeyIsMeaningful() {
    Topics.all().stream()
        .filter(topic -> topic.cleanupPolicy() == CleanupPolicy.COMPACT)
        .forEach(topic -> assertThat(topic.eventTypes()).as(topic.name()).hasSize(1));
  }

  @Test
  void keysAreStringsAndPartitionCountsPositive() {
    Topics.all()
        .forEach(
            topic -> {
              assertThat(topic.keyType()).as(topic.name()).isEqualTo(String.class);
              assertThat(topic.keyedBy()).as(topic.name()).isNotBlank();
              assertThat(topic.partitions()).as(topic.name()).isBetween(1, 64);
            });
  }

  @Test
  void configsAreKafkaTopicConfigs() {
    assertThat(Topics.METRICS_RAW.configs())
        .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
    assertThat(Topics.FEATURES.configs())
        .isEqualTo(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
  }

  @Test
  void topicRejectsNonsense() {
    assertThatThrownBy(
            () ->
                topic(
                    "orders",
                    List.of(MetricRecorded.class),
                    Retention.FOREVER,
                    CleanupPolicy.DELETE))
        .hasMessageContaining("orders");
    assertThatThrownBy(
            () -> topic("agentos.x.v1", List.of(), Retention.FOREVER, CleanupPolicy.DELETE))
        .hasMessageContaining("no event type");
    assertThatThrownBy(
            () ->
                topic(
                    "agentos.x.v1",
                    List.of(MemoryStored.class),
                    Retention.FOREVER,
                    CleanupPolicy.DELETE))
        .hasMessageContaining("MemoryStored");
    assertThatThrownBy(
            () ->
                topic(
                    "agentos.x.v1",
                    List.of(MetricRecorded.class),
                    Retention.of(Duration.ofDays(1)),
                    CleanupPolicy.COMPACT))
        .hasMessageContaining("compacted");
  }

  @Test
  void registryIsImmutable() {
    assertThatThrownBy(() -> Topics.all().add(Topics.METRICS))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Topics.MEMORY.eventTypes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Topic<String, MetricRecorded> topic(
      String name,
      List<Class<? extends SpecificRecord>> events,
      Retention retention,
      CleanupPolicy policy) {
    return new Topic<>(
        name,
        TopicRole.CANONICAL,
        String.class,
        "key",
        MetricRecorded.class,
        events,
        1,
        retention,
        policy);
  }

  @Test
  void everyRawTopicHasTheCanonicalTopicItIsDeduplicatedInto() {
    assertThat(Topics.raw())
        .containsExactly(Topics.INTERACTIONS_RAW, Topics.EXECUTIONS_RAW, Topics.METRICS_RAW);
    assertThat(Topics.canonicalFor(Topics.INTERACTIONS_RAW)).isEqualTo(Topics.INTERACTIONS);
    assertThat(Topics.canonicalFor(Topics.EXECUTIONS_RAW)).isEqualTo(Topics.EXECUTIONS);
    assertThat(Topics.canonicalFor(Topics.METRICS_RAW)).isEqualTo(Topics.METRICS);
  }

  @Test
  void onlyARawTopicHasACanonicalTopic() {
    assertThatThrownBy(() -> Topics.canonicalFor(Topics.MEMORY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentos.memory.v1 is not a raw topic");
  }

  @Test
  void producersWriteToTheRawTopicWhenOneCarriesTheEvent() {
    assertThat(Topics.producedTo(dev.agentos.events.executions.ExecutionRequested.class))
        .isEqualTo(Topics.EXECUTIONS_RAW);
    assertThat(Topics.producedTo(dev.agentos.events.metrics.MetricRecorded.class))
        .isEqualTo(Topics.METRICS_RAW);
    assertThat(Topics.producedTo(dev.agentos.events.memory.MemoryStored.class))
        .isEqualTo(Topics.MEMORY);
    assertThat(Topics.producedTo(dev.agentos.events.agents.ApiKeyIssued.class))
        .isEqualTo(Topics.AGENTS);
  }
}
