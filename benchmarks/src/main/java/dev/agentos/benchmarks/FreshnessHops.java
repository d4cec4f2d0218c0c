package dev.agentos.benchmarks;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Where a memory's freshness delay goes, hop by hop, from timestamps taken on this machine's clock
 * (wall clock, since the Kafka record timestamp is one): accepted (the 201), sent by the publisher
 * (the record timestamp), appended to the memory topic and committed there (two consumers of the
 * benchmark's own, {@link KafkaArrivals}), readable by id (Cassandra), indexed (Elasticsearch's
 * real-time GET by id, which needs no refresh) and found by search (after a refresh).
 */
final class FreshnessHops implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KafkaArrivals appended;
  private final KafkaArrivals committed;
  private final String elasticsearchUrl;
  private final Map<String, Histogram> hops = new LinkedHashMap<>();
  private final AtomicInteger unseen = new AtomicInteger();

  private FreshnessHops(KafkaArrivals appended, KafkaArrivals committed, String elasticsearchUrl) {
    this.appended = appended;
    this.committed = committed;
    this.elasticsearchUrl = elasticsearchUrl;
    for (String hop :
        new String[] {
          "accepted → sent by publisher",
          "sent → appended to topic",
          "appended → committed (txn)",
          "accepted → committed",
          "committed → readable by id",
          "committed → indexed in ES",
          "indexed → found (refresh)"
        }) {
      hops.put(hop, new ConcurrentHistogram(3));
    }
  }

  static FreshnessHops start(StackEndpoints stack, int memories) {
    String topic = Topics.MEMORY.name();
    KafkaArrivals appended =
        new KafkaArrivals(stack.kafkaBootstrapServers(), topic, "read_uncommitted");
    try {
      return new FreshnessHops(
          appended,
          new KafkaArrivals(stack.kafkaBootstrapServers(), topic, "read_committed"),
          stack.elasticsearchUrl());
    } catch (RuntimeException e) {
      try {
        appended.close();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }

  /** Whether {@code index} holds the memory, refreshed or not (a real-time GET by id). */
  boolean indexed(String index, String memoryId) throws IOException, InterruptedException {
    String path =
        "/"
            + URLEncoder.encode(index, StandardCharsets.UTF_8)
            + "/_doc/"
            + URLEncoder.encode(memoryId, StandardCharsets.UTF_8)
            + "?_source=false";
    int status =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(elasticsearchUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    if (status != 200 && status != 404) {
      throw new IllegalStateException("Elasticsearch answered " + status + " to GET " + path);
    }
    return status == 200;
  }

  /** Records one memory's hops; all times in epoch millis. */
  void record(String memoryId, long accepted, long readable, long indexed, long found) {
    KafkaArrivals.Arrival append = appended.of(memoryId);
    KafkaArrivals.Arrival commit = committed.of(memoryId);
    if (append == null || commit == null) {
      unseen.incrementAndGet();
      return;
    }
    long sent = append.recordTimestamp();
    record("accepted → sent by publisher", sent - accepted);
    record("sent → appended to topic", append.receivedAt() - sent);
    record("appended → committed (txn)", commit.receivedAt() - append.receivedAt());
    record("accepted → committed", commit.receivedAt() - accepted);
    record("committed → readable by id", readable - commit.receivedAt());
    record("committed → indexed in ES", indexed - commit.receivedAt());
    record("indexed → found (refresh)", found - indexed);
  }

  private void record(String hop, long millis) {
    // Hops measured on two threads can overlap by a few ms (e.g. the 201 arrives after the send).
    hops.get(hop).recordValue(Math.max(0, millis));
  }

  void report(PrintStream out) {
    out.println("hops (ms, wall clock; a negative hop counts as 0):");
    hops.forEach(
        (hop, h) ->
            out.printf(
                Locale.ROOT,
                "  %-30s p50 %5d  p90 %5d  p99 %5d  max %5d%n",
                hop,
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(90),
                h.getValueAtPercentile(99),
                h.getMaxValue()));
    if (unseen.get() > 0) {
      out.printf(
          "  %d memories not seen on the memory topic: left out of the hops%n", unseen.get());
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      appended.close();
    } finally {
      committed.close();
    }
  }
}
