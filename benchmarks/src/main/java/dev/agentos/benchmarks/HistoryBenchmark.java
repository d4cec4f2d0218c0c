package dev.agentos.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.CommandApi;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.UpdateMemory;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.readmodels.history.MemoryHistoryReader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  private static final Duration PROJECTED = Duration.ofMinutes(5);

  private final BenchTarget target;
  private final String keyspace;
  private final int memories;
  private final int updates;
  private final int seconds;
  private final int clients;

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
    System.out.printf(
        "history: %d memories of %d versions each, %d s per run, %d concurrent clients%n",
        memories, updates + 1, seconds, clients);
    List<String> ids = store();
    String tenant = null;
    List<Stored> stored = new ArrayList<>();
    long waitStart = System.nanoTime();
    for (String id : ids) {
      List<MemoryVersion> versions = awaitVersions(id);
      tenant = versions.get(0).tenantId();
      stored.add(new Stored(id, versions.get(versions.size() / 2).occurredAt()));
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
      QueryApi queries = target.agent().queries();
      Op byId = m -> queries.memory(m.id());
      Op history = m -> queries.history(m.id());
      Op past = m -> queries.memoryAsOf(m.id(), m.middle());
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
    CommandApi commands = target.agent().commands();
    commands.createContext(CreateContext.of(contextId, contextId));
    List<String> ids = new ArrayList<>();
    while (ids.size() < memories) {
      List<StoreMemory> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(100, memories - ids.size()); i++) {
        batch.add(
            StoreMemory.of(
                    contextId,
                    MemoryType.FACT,
                    "history bench memory " + (ids.size() + i) + ": round half-up")
                .withTags(List.of("bench")));
      }
      commands.storeMemories(batch).memories().forEach(m -> ids.add(m.id()));
    }
    Concurrently.run(
        clients,
        client -> {
          for (int i = client; i < ids.size(); i += clients) {
            for (int u = 1; u <= updates; u++) {
              commands.updateMemory(
                  ids.get(i), UpdateMemory.content("history bench memory " + i + ", version " + u));
            }
          }
        });
    return ids;
  }

  private List<MemoryVersion> awaitVersions(String id) throws Exception {
    long deadline = System.nanoTime() + PROJECTED.toNanos();
    while (true) {
      try {
        List<MemoryVersion> versions = target.agent().queries().history(id);
        if (versions.size() == updates + 1) {
          return versions;
        }
      } catch (AgentOsApiException e) {
        if (!e.isNotFound()) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "memory " + id + " did not show its " + (updates + 1) + " versions in " + PROJECTED);
      }
      Thread.sleep(50);
    }
  }
}
