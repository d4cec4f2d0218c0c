package dev.agentos.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.local.service.QuerySideService;
import dev.agentos.projections.history.MemoryHistoryReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * History and as-of reads of memories with several versions each, from the {@code memory-history}
 * read model: by its reader straight on Cassandra, and through the query API; against their floors
 * in the same run: a plain single-partition read of the memory's current row ({@code
 * memories_by_id}) with the same driver, and {@code GET /v1/memories/{id}} over the same HTTP.
 */
final class HistoryBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROJECTED = Duration.ofMinutes(5);

  private final BenchTarget target;
  private final String keyspace;
  private final int memories;
  private final int updates;
  private final int seconds;
  private final int clients;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A stored memory and the instant of its middle version, what an as-of read asks for. */
  private record Stored(String id, Instant middle) {}

  HistoryBenchmark(
      BenchTarget target, String keyspace, int memories, int updates, int seconds, int clients) {
    this.target = target;
    this.keyspace = keyspace;
    this.memories = memories;
    this.updates = updates;
    this.seconds = seconds;
    this.clients = clients;
  }

  void run() throws Exception {
    String queryUrl = target.application(QuerySideService.URL);
    System.out.printf(
        "history: %d memories of %d versions each, %d s per run, %d concurrent clients%n",
        memories, updates + 1, seconds, clients);
    List<String> ids = store();
    String tenant = null;
    List<Stored> stored = new ArrayList<>();
    long waitStart = System.nanoTime();
    for (String id : ids) {
      JsonNode versions = awaitVersions(queryUrl, id);
      tenant = versions.get(0).get("tenantId").asText();
      stored.add(
          new Stored(
              id, Instant.parse(versions.get(versions.size() / 2).get("occurredAt").asText())));
    }
    System.out.printf(
        Locale.ROOT,
        "every version projected %.1f s after the last command%n",
        (System.nanoTime() - waitStart) / 1e9);
    String[] hostPort = target.stack().cassandraContactPoint().split(":");
    try (CqlSession session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(target.stack().cassandraDatacenter())
            .withKeyspace(keyspace)
            .build()) {
      String t = tenant;
      PreparedStatement row =
          session.prepare("SELECT * FROM memories_by_id WHERE tenant_id = ? AND memory_id = ?");
      MemoryHistoryReader reader = new MemoryHistoryReader(session);
      Op floor = m -> session.execute(row.bind(t, m.id())).one();
      Op versions = m -> reader.versions(t, m.id());
      Op asOf = m -> reader.asOf(t, m.id(), m.middle());
      Op byId = m -> get(queryUrl + "/v1/memories/" + m.id());
      Op history = m -> get(queryUrl + "/v1/memories/" + m.id() + "/history");
      Op past = m -> get(queryUrl + "/v1/memories/" + m.id() + "?asOf=" + m.middle());
      // The Cassandra reads first, each group warmed up just before it is measured: the HTTP reads
      // by id and as of are recorded as MemoryAccessed events, which keep the projections (and
      // Elasticsearch) busy for a while after them.
      Measurement floorRun = measure("Cassandra memory row (floor)", stored, floor);
      Measurement versionsRun = measure("Cassandra history (reader)", stored, versions);
      Measurement asOfRun = measure("Cassandra as-of (reader)", stored, asOf);
      Measurement byIdRun = measure("HTTP GET /memories/{id}", stored, byId);
      Measurement historyRun = measure("HTTP GET …/{id}/history", stored, history);
      Measurement pastRun = measure("HTTP GET …/{id}?asOf=", stored, past);
      for (Measurement m : List.of(floorRun, versionsRun, asOfRun, byIdRun, historyRun, pastRun)) {
        System.out.println(m.report("reads", "read"));
      }
      System.out.printf(
          Locale.ROOT,
          "ratio to the memory row read: history %.3f, as-of %.3f; over HTTP, to GET by id:"
              + " history %.3f, as-of %.3f%n",
          versionsRun.perSecond() / floorRun.perSecond(),
          asOfRun.perSecond() / floorRun.perSecond(),
          historyRun.perSecond() / byIdRun.perSecond(),
          pastRun.perSecond() / byIdRun.perSecond());
    }
  }

  private interface Op {
    void read(Stored memory) throws Exception;
  }

  /** A warm-up of a fifth of the run (at least 2 s), then the measured run. */
  private Measurement measure(String name, List<Stored> stored, Op op) throws Exception {
    measure("warm-up", Math.max(2, seconds / 5), stored, op);
    return measure(name, seconds, stored, op);
  }

  private Measurement measure(String name, int runSeconds, List<Stored> stored, Op op)
      throws Exception {
    Measurement m = new Measurement(name);
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
    m.start();
    Concurrently.run(
        clients,
        client -> {
          while (System.nanoTime() < deadline) {
            Stored memory = stored.get(ThreadLocalRandom.current().nextInt(stored.size()));
            long began = System.nanoTime();
            op.read(memory);
            m.recordCall(began);
            done.incrementAndGet();
          }
        });
    m.finish(done.get());
    return m;
  }

  /** Stores the memories in batches, then updates each {@code updates} times. */
  private List<String> store() throws Exception {
    String contextId = "bench-history-" + UUID.randomUUID();
    target.post("/v1/contexts", Map.of("contextId", contextId, "name", contextId));
    List<String> ids = new ArrayList<>();
    while (ids.size() < memories) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(100, memories - ids.size()); i++) {
        batch.add(
            Map.of(
                "contextId",
                contextId,
                "type",
                "FACT",
                "content",
                "history bench memory " + (ids.size() + i) + ": round half-up",
                "tags",
                List.of("bench")));
      }
      target
          .post("/v1/memories/batch", Map.of("memories", batch))
          .get("memories")
          .forEach(m -> ids.add(m.get("id").asText()));
    }
    Concurrently.run(
        clients,
        client -> {
          for (int i = client; i < ids.size(); i += clients) {
            for (int u = 1; u <= updates; u++) {
              BenchTarget.call(
                  target.commandSideUrl(),
                  target.agentKey(),
                  "PATCH",
                  "/v1/memories/" + ids.get(i),
                  Map.of("content", "history bench memory " + i + ", version " + u));
            }
          }
        });
    return ids;
  }

  private JsonNode awaitVersions(String queryUrl, String id) throws Exception {
    long deadline = System.nanoTime() + PROJECTED.toNanos();
    while (true) {
      HttpResponse<String> response = send(queryUrl + "/v1/memories/" + id + "/history");
      if (response.statusCode() == 200) {
        JsonNode versions = JSON.readTree(response.body());
        if (versions.size() == updates + 1) {
          return versions;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "memory " + id + " did not show its " + (updates + 1) + " versions in " + PROJECTED);
      }
      Thread.sleep(50);
    }
  }

  private void get(String url) throws Exception {
    HttpResponse<String> response = send(url);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }

  private HttpResponse<String> send(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + target.agentKey())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
