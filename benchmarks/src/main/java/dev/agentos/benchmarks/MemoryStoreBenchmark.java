package dev.agentos.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory store commands per second through the whole write path ({@code POST /v1/memories}: HTTP,
 * auth, Axon, the JDBC event store, the directory), against its floor: a committed single-row
 * INSERT per operation into the same PostgreSQL from the same number of clients, which is what
 * every command must at least pay for durability.
 */
final class MemoryStoreBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchTarget target;
  private final int seconds;
  private final int clients;
  private final int batch;

  MemoryStoreBenchmark(BenchTarget target, int seconds, int clients, int batch) {
    this.target = target;
    this.seconds = seconds;
    this.clients = clients;
    this.batch = batch;
  }

  void run() throws Exception {
    System.out.printf("memory store: %d s per run, %d concurrent clients%n", seconds, clients);
    jdbcInserts(Math.max(2, seconds / 5), "warm-up JDBC");
    httpStores(Math.max(2, seconds / 5), "warm-up HTTP", 1);
    Measurement jdbc = jdbcInserts(seconds, "JDBC INSERT+COMMIT (floor)");
    Measurement single = httpStores(seconds, "HTTP POST /v1/memories", 1);
    Measurement batched = httpStores(seconds, "HTTP POST /v1/memories/batch", batch);
    System.out.println(jdbc.report("ops", "commit"));
    System.out.println(single.report("commands", "request"));
    System.out.println(batched.report("commands", batch + "-memory request"));
    System.out.printf(
        "ratio to plain JDBC commits: single %.3f, batched %.3f%n",
        single.perSecond() / jdbc.perSecond(), batched.perSecond() / jdbc.perSecond());
  }

  private Measurement jdbcInserts(int runSeconds, String name) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.stack().postgresJdbcUrl());
    config.setUsername(target.stack().postgresUser());
    config.setPassword(target.stack().postgresPassword());
    config.setMaximumPoolSize(clients);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS bench_floor (id VARCHAR(64) PRIMARY KEY, body TEXT)");
      }
      Measurement m = new Measurement(name);
      AtomicLong done = new AtomicLong();
      long deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
      m.start();
      Concurrently.run(
          clients,
          client -> {
            while (System.nanoTime() < deadline) {
              long began = System.nanoTime();
              try (Connection c = pool.getConnection();
                  PreparedStatement insert =
                      c.prepareStatement("INSERT INTO bench_floor (id, body) VALUES (?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "a memory of about this length, stored once");
                insert.executeUpdate();
              }
              m.recordCall(began);
              done.incrementAndGet();
            }
          });
      m.finish(done.get());
      return m;
    }
  }

  /** Stores memories for {@code runSeconds}, one per request or {@code size} per batch request. */
  private Measurement httpStores(int runSeconds, String name, int size) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String contextId = "bench-context-" + UUID.randomUUID();
    target.post("/v1/contexts", Map.of("contextId", contextId, "name", contextId));
    Measurement m = new Measurement(name);
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
    m.start();
    Concurrently.run(
        clients,
        client -> {
          for (int i = 0; System.nanoTime() < deadline; i++) {
            List<Map<String, Object>> memories = new ArrayList<>();
            for (int j = 0; j < size; j++) {
              memories.add(
                  Map.of(
                      "contextId",
                      contextId,
                      "type",
                      "FACT",
                      "content",
                      "bench memory " + client + "-" + i + "-" + j + ": round half-up",
                      "tags",
                      List.of("bench")));
            }
            boolean single = size == 1;
            String body =
                JSON.writeValueAsString(single ? memories.get(0) : Map.of("memories", memories));
            URI uri =
                URI.create(
                    target.commandSideUrl() + (single ? "/v1/memories" : "/v1/memories/batch"));
            long began = System.nanoTime();
            HttpResponse<String> response =
                http.send(
                    HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + target.agentKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
              throw new IllegalStateException(
                  "memory store answered " + response.statusCode() + ": " + response.body());
            }
            m.recordCall(began);
            // Count what the answer says was stored, not what was sent.
            JsonNode answer = JSON.readTree(response.body());
            done.addAndGet(single ? (answer.has("id") ? 1 : 0) : answer.get("memories").size());
          }
        });
    m.finish(done.get());
    return m;
  }
}
