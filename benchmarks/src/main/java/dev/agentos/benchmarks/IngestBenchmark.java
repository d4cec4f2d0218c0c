package dev.agentos.benchmarks;

import dev.agentos.client.CommandApi;
import dev.agentos.client.command.IngestResult;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import dev.agentos.events.interactions.TurnRole;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.EventKeys;
import dev.agentos.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * HTTP batch ingest ({@code POST /v1/events}) against its own floor: a raw {@link KafkaProducer} in
 * this process sending the same events to the same topic with the same producer settings the
 * gateway uses. The ratio says what the HTTP layer, JSON and validation cost.
 */
final class IngestBenchmark {

  /**
   * The gateway's producer settings (command-side {@code IngestConfiguration}), repeated so the
   * baseline is fair; its timeouts only bound waiting and do not change throughput.
   */
  static Properties producerSettings(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return p;
  }

  private static final int ROUNDS = 2;
  private static final String CONTENT =
      "I ran the checkout tests; test_apply_discount failed with Decimal('2.67') != Decimal('2.68'),"
          + " which points at half-even rounding. I'll switch the money rounding to ROUND_HALF_UP.";

  private final BenchTarget target;
  private final int events;
  private final int batch;
  private final int clients;

  IngestBenchmark(BenchTarget target, int events, int batch, int clients) {
    this.target = target;
    this.events = events;
    this.batch = batch;
    this.clients = clients;
  }

  void run() throws Exception {
    System.out.printf(
        "ingest: %,d events of ~%d bytes, HTTP batches of %d from %d clients%n",
        events, CONTENT.length() + 120, batch, clients);
    rawProducer(events / 10, "warm-up raw");
    http(events / 10, "warm-up http");
    // Two alternating rounds: on 2 cores the broker and the dedup stage still digest the previous
    // run, so whichever goes first has an edge; alternating spreads it over both.
    double rawRate = 0;
    double httpRate = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      Measurement raw = rawProducer(events, "raw KafkaProducer #" + round);
      Measurement http = http(events, "HTTP POST /v1/events #" + round);
      System.out.println(raw.report("events", "send->ack"));
      System.out.println(http.report("events", "batch request"));
      rawRate += raw.perSecond() / ROUNDS;
      httpRate += http.perSecond() / ROUNDS;
    }
    System.out.printf(
        "mean over %d rounds: raw %,.0f events/s, HTTP %,.0f events/s, ratio HTTP / raw %.2f%n",
        ROUNDS, rawRate, httpRate, httpRate / rawRate);
  }

  private Measurement rawProducer(int count, String name) throws Exception {
    Properties settings = producerSettings(target.stack().kafkaBootstrapServers());
    RegistryAvroSerializer<SpecificRecord> values =
        new RegistryAvroSerializer<>(
            SchemaRegistryClient.connect(target.stack().schemaRegistryUrl()));
    values.configure(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
    String session = "bench-" + UUID.randomUUID();
    List<SpecificRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(turn(session + "-" + (i % 64), i));
    }
    Measurement m = new Measurement(name);
    AtomicLong acked = new AtomicLong();
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(settings, new StringSerializer(), values)) {
      m.start();
      // As many sending threads as HTTP clients: the gateway serialises on that many threads too.
      Concurrently.run(
          clients,
          client -> {
            for (int i = client; i < records.size(); i += clients) {
              SpecificRecord record = records.get(i);
              long sent = System.nanoTime();
              producer.send(
                  new ProducerRecord<>(
                      Topics.INTERACTIONS_RAW.name(), EventKeys.keyOf(record), record),
                  (metadata, error) -> {
                    if (error == null) {
                      acked.incrementAndGet();
                      m.recordCall(sent);
                    }
                  });
            }
          });
      producer.flush();
      m.finish(acked.get());
    }
    return m;
  }

  private Measurement http(int count, String name) throws Exception {
    String session = "bench-" + UUID.randomUUID();
    List<List<Map<String, Object>>> batches = new ArrayList<>();
    for (int start = 0; start < count; start += batch) {
      List<Map<String, Object>> batchEvents = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + batch); i++) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", "ConversationTurnRecorded");
        event.put("sessionId", session + "-" + (i % 64));
        event.put("turnId", "turn-" + i);
        event.put("turnIndex", i);
        event.put("role", "ASSISTANT");
        event.put("content", CONTENT);
        batchEvents.add(event);
      }
      batches.add(batchEvents);
    }
    CommandApi commands = target.agent().commands();
    Measurement m = new Measurement(name);
    AtomicInteger next = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    m.start();
    Concurrently.run(
        clients,
        client -> {
          for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
            long sent = System.nanoTime();
            IngestResult result = commands.ingest(batches.get(i));
            if (result.accepted() != result.results().size()) {
              throw new IllegalStateException(
                  "ingest accepted "
                      + result.accepted()
                      + " of "
                      + result.results().size()
                      + ": "
                      + result.results());
            }
            m.recordCall(sent);
            accepted.addAndGet(result.accepted());
          }
        });
    m.finish(accepted.get());
    if (accepted.get() != count) {
      throw new IllegalStateException(
          "only " + accepted.get() + " of " + count + " accepted; see the command side's log");
    }
    return m;
  }

  private static ConversationTurnRecorded turn(String session, int i) {
    return ConversationTurnRecorded.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTenantId("bench")
                .setProjectId("bench")
                .setAgentId("bench")
                .setSessionId(session)
                .setSource("benchmark")
                .build())
        .setTurnId("turn-" + i)
        .setTurnIndex(i)
        .setRole(TurnRole.ASSISTANT)
        .setContent(CONTENT)
        .build();
  }
}
