package dev.agentos.command.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.metrics.MetricKind;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.schemas.registry.InMemorySchemaRegistryClient;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicationTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final RegistryAvroSerializer<Object> avro = new RegistryAvroSerializer<>(registry);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rawMetrics;
  private TestInputTopic<String, byte[]> rawInteractions;
  private TestOutputTopic<String, byte[]> metrics;
  private TestOutputTopic<String, Object> deadLetters;

  @BeforeEach
  void start() {
    avro.configure(Map.of(), false);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            DeduplicationTopology.build(DeduplicationSettings.defaults(), registry), props);
    var keys = Serdes.String();
    var bytes = Serdes.ByteArray();
    rawMetrics =
        driver.createInputTopic(Topics.METRICS_RAW.name(), keys.serializer(), bytes.serializer());
    rawInteractions =
        driver.createInputTopic(
            Topics.INTERACTIONS_RAW.name(), keys.serializer(), bytes.serializer());
    metrics =
        driver.createOutputTopic(Topics.METRICS.name(), keys.deserializer(), bytes.deserializer());
    deadLetters =
        driver.createOutputTopic(Topics.DEAD_LETTERS.name(), keys.deserializer(), reader());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void canPassAnEventOnceWhenItIsSentTwice() {
    byte[] event = encode(Topics.METRICS_RAW.name(), metric(UUID.randomUUID().toString()));

    rawMetrics.pipeInput("series", event, T0);
    rawMetrics.pipeInput("series", event, T0.plus(Duration.ofHours(3)));

    List<TestRecord<String, byte[]>> out = metrics.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).value()).as("raw bytes pass unchanged").isEqualTo(event);
    assertThat(out.get(0).key()).isEqualTo("series");
  }

  @Test
  void canPassDistinctEventsWithTheSameContent() {
    rawMetrics.pipeInput("series", encode(Topics.METRICS_RAW.name(), metric(newId())), T0);
    rawMetrics.pipeInput("series", encode(Topics.METRICS_RAW.name(), metric(newId())), T0);

    assertThat(metrics.readRecordsToList()).hasSize(2);
  }

  @Test
  void canTreatAnUpperCaseRetryOfAnIdAsTheSameEvent() {
    String id = newId();
    rawMetrics.pipeInput("series", encode(Topics.METRICS_RAW.name(), metric(id)), T0);
    rawMetrics.pipeInput(
        "series", encode(Topics.METRICS_RAW.name(), metric(id.toUpperCase())), T0.plusSeconds(1));

    assertThat(metrics.readRecordsToList()).hasSize(1);
  }

  @Test
  void canPassARepeatThatComesAfterTheWindow() {
    byte[] event = encode(Topics.METRICS_RAW.name(), metric(newId()));
    rawMetrics.pipeInput("series", event, T0);
    rawMetrics.pipeInput("series", event, T0.plus(Duration.ofHours(25)));

    assertThat(metrics.readRecordsToList()).hasSize(2);
  }

  @Test
  void cannotPassUndecodableBytesWhichAreDeadLetteredWithTheReason() {
    byte[] garbage = {7, 1, 2, 3};
    rawMetrics.pipeInput("series", garbage, T0);

    assertThat(metrics.isEmpty()).isTrue();
    RecordDeadLettered letter = onlyDeadLetter();
    assertThat(letter.getReason()).startsWith("undecodable");
    assertThat(letter.getSourceTopic()).isEqualTo(Topics.METRICS_RAW.name());
    assertThat(letter.getValue().array()).isEqualTo(garbage);
    assertThat(letter.getStage()).isEqualTo("agentos-dedup");
  }

  @Test
  void cannotPassAnEventTheTopicDoesNotCarry() {
    rawInteractions.pipeInput(
        "session", encode(Topics.INTERACTIONS_RAW.name(), metric(newId())), T0);

    assertThat(
            driver
                .createOutputTopic(
                    Topics.INTERACTIONS.name(),
                    Serdes.String().deserializer(),
                    Serdes.ByteArray().deserializer())
                .isEmpty())
        .isTrue();
    assertThat(onlyDeadLetter().getReason())
        .contains(MetricRecorded.class.getName())
        .contains("is not an event " + Topics.INTERACTIONS_RAW.name() + " carries");
  }

  @Test
  void cannotPassAnEventWithoutAValidEventIdAndKeepsItsScope() {
    rawMetrics.pipeInput("series", encode(Topics.METRICS_RAW.name(), metric("not-a-uuid")), T0);

    assertThat(metrics.isEmpty()).isTrue();
    RecordDeadLettered letter = onlyDeadLetter();
    assertThat(letter.getReason()).startsWith("header.eventId must be a UUID");
    assertThat(letter.getHeader().getTenantId()).isEqualTo("tenant-1");
  }

  @Test
  void cannotPassARecordNearTheLimitWhoseDeadLetterStaysFarBelowIt() {
    byte[] garbage = new byte[900_000];
    garbage[0] = 7; // not the wire format's magic byte: undecodable
    TestRecord<String, byte[]> raw =
        new TestRecord<>("k".repeat(20_000), garbage, bigHeaders(), T0);
    TestOutputTopic<String, byte[]> encodedLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS.name(),
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer());

    rawMetrics.pipeInput(raw);

    List<TestRecord<String, byte[]>> letters = encodedLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    int headerBytes = 0;
    for (Header header : letters.get(0).headers()) {
      headerBytes += header.key().length() + header.value().length;
    }
    assertThat(letters.get(0).value().length + headerBytes)
        .as("encoded dead letter, far below Kafka's 1 MB record limit")
        .isLessThan(300_000);
    RecordDeadLettered letter =
        (RecordDeadLettered)
            reader().deserialize(Topics.DEAD_LETTERS.name(), letters.get(0).value());
    assertThat(letter.getReason())
        .startsWith("undecodable")
        .contains("value 900000 bytes to 65536")
        .contains("key 20000 bytes to 4096")
        .contains("header values to 1024 bytes: trace 400000");
    assertThat(letter.getValue().array()).hasSize(65_536).startsWith(7);
  }

  @Test
  void cannotConfigureAWindowShorterThanADay() {
    assertThatThrownBy(() -> new DeduplicationSettings("dedup", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least PT24H");
  }

  private static RecordHeaders bigHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[400_000]);
    for (int i = 0; i < 100; i++) {
      headers.add("h" + i, new byte[2_000]);
    }
    return headers;
  }

  private RegistryAvroDeserializer<Object> reader() {
    RegistryAvroDeserializer<Object> reader = new RegistryAvroDeserializer<>(registry);
    reader.configure(Map.of(), false);
    return reader;
  }

  private RecordDeadLettered onlyDeadLetter() {
    List<TestRecord<String, Object>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    return (RecordDeadLettered) letters.get(0).value();
  }

  private byte[] encode(String topic, Object event) {
    return avro.serialize(topic, event);
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static MetricRecorded metric(String eventId) {
    return MetricRecorded.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(T0)
                .setTenantId("tenant-1")
                .setProjectId("project-1")
                .setAgentId("agent-1")
                .setSource("kafka")
                .build())
        .setName("agent.tokens.used")
        .setKind(MetricKind.COUNTER)
        .setValue(42)
        .setUnit("tokens")
        .build();
  }
}
