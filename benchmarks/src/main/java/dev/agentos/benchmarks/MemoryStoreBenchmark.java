package dev.agentos.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.agentos.client.CommandApi;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory store commands per second through the whole write path ({@code POST /v1/memories}: HTTP,
 * auth, Axon, the JDBC event store, the directory), against its floor: a committed single-row
 * INSERT per operation into the same PostgreSQL from the same number of clients, which is what
 * every command must at least pay for durability.
 */
final class MemoryStoreBenchmark {

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
    CommandApi commands = target.agent().commands();
    String contextId = "bench-context-" + UUID.randomUUID();
    commands.createContext(CreateContext.of(contextId, contextId));
    Measurement m = new Measurement(name);
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + runSeconds * 1_000_000_000L;
    m.start();
    Concurrently.run(
        clients,
        client -> {
          for (int i = 0; System.nanoTime() < deadline; i++) {
            List<StoreMemory> memories = new ArrayList<>();
            for (int j = 0; j < size; j++) {
              memories.add(
                  StoreMemory.of(
                          contextId,
                          MemoryType.FACT,
                          "bench memory " + client + "-" + i + "-" + j + ": round half-up")
                      .withTags(List.of("bench")));
            }
            long began = System.nanoTime();
            // Count what the answer says was stored, not what was sent.
            int stored =
                size == 1
                    ? (commands.storeMemory(memories.get(0)).id() != null ? 1 : 0)
                    : commands.storeMemories(memories).memories().size();
            m.recordCall(began);
            done.addAndGet(stored);
          }
        });
    m.finish(done.get());
    return m;
  }
}
