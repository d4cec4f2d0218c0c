package dev.agentos.benchmarks;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long after the command side accepts a memory it can be found: from the 201 of {@code POST
 * /v1/memories} until {@code POST /v1/memories/search} on the query side returns it (the memory
 * travels the event store, the publisher, Kafka, the {@code memory-search} projection with its
 * embedding and Elasticsearch's refresh). The baseline, measured on the same memories in the same
 * loop, is the Cassandra read model ({@code GET /v1/memories/{id}}), which needs no embedding.
 *
 * <p>The hops are timed too ({@link FreshnessHops}), so a slow total says where the time went.
 */
final class FreshnessBenchmark {

  /** How often a client asks whether its memory is visible yet: the figures' resolution. */

  /** A memory not visible after this long counts as lost, and the run fails. */
  private static final long GIVE_UP_NANOS = 60_000_000_000L;

  private final BenchTarget target;
  private final int memories;
  private final int clients;
  private final String memoryIndex;
  private final int pollMillis;

  /**
   * @param memoryIndex the index or alias the {@code memory-search} projection writes, read by id
   *     (real-time, before any refresh) to time the projection apart from the refresh
   * @param pollMillis the pause between two looks of a client (three requests each): the figures'
   *     resolution, and the load the benchmark itself puts on the two cores it measures
   */
  FreshnessBenchmark(
      BenchTarget target, int memories, int clients, String memoryIndex, int pollMillis) {
    this.target = target;
    this.memories = memories;
    this.clients = clients;
    this.memoryIndex = memoryIndex;
    this.pollMillis = pollMillis;
  }

  void run() throws Exception {
    QueryApi queries = target.agent().queries();
    String context = "bench-fresh-" + UUID.randomUUID();
    target.agent().commands().createContext(CreateContext.of(context, "freshness " + context));
    System.out.printf(
        "freshness: %d memories, %d clients, polling every %d ms%n", memories, clients, pollMillis);
    Measurement searchable = new Measurement("visible in search (ES)");
    Measurement readable = new Measurement("readable by id (Cassandra)");
    AtomicInteger next = new AtomicInteger();
    try (FreshnessHops hops = FreshnessHops.start(target.stack(), memories)) {
      searchable.start();
      readable.start();
      Concurrently.run(
          clients,
          client -> {
            for (int i = next.getAndIncrement(); i < memories; i = next.getAndIncrement()) {
              measureOne(queries, context, searchable, readable, hops);
              if ((i + 1) % 100 == 0) {
                System.out.printf("  %d/%d memories visible%n", i + 1, memories);
              }
            }
          });
      searchable.finish(memories);
      readable.finish(memories);
      System.out.println(searchable.report("memories", "accepted→found"));
      System.out.println(readable.report("memories", "accepted→readable"));
      hops.report(System.out);
    }
  }

  private void measureOne(
      QueryApi queries,
      String context,
      Measurement searchable,
      Measurement readable,
      FreshnessHops hops)
      throws Exception {
    String token = "fresh" + UUID.randomUUID().toString().replace("-", "");
    String id =
        target
            .agent()
            .commands()
            .storeMemory(
                StoreMemory.of(
                        context, MemoryType.FACT, "freshness probe " + token + " for the benchmark")
                    .withTags(List.of("bench")))
            .id();
    long accepted = System.nanoTime();
    long acceptedMillis = System.currentTimeMillis();
    long foundAt = 0;
    long readAt = 0;
    long indexedMillis = 0;
    long foundMillis = 0;
    long readMillis = 0;
    while (foundAt == 0 || readAt == 0) {
      if (System.nanoTime() - accepted > GIVE_UP_NANOS) {
        throw new IllegalStateException(
            "memory " + id + " not visible " + GIVE_UP_NANOS / 1_000_000_000 + " s after accepted");
      }
      if (indexedMillis == 0 && hops.indexed(memoryIndex, id)) {
        indexedMillis = System.currentTimeMillis();
      }
      if (foundAt == 0 && found(queries, context, token, id)) {
        foundAt = System.nanoTime();
        foundMillis = System.currentTimeMillis();
        indexedMillis = indexedMillis == 0 ? foundMillis : indexedMillis;
      }
      if (readAt == 0 && readable(queries, id)) {
        readAt = System.nanoTime();
        readMillis = System.currentTimeMillis();
      }
      if (foundAt == 0 || readAt == 0) {
        Thread.sleep(pollMillis);
      }
    }
    searchable.recordNanos(foundAt - accepted);
    readable.recordNanos(readAt - accepted);
    hops.record(id, acceptedMillis, readMillis, indexedMillis, foundMillis);
  }

  private static boolean found(QueryApi queries, String context, String token, String id) {
    return queries
        .search(Search.in(context, token, SearchMode.KEYWORD, 1))
        .memoryIds()
        .contains(id);
  }

  private static boolean readable(QueryApi queries, String id) {
    try {
      queries.memory(id);
      return true;
    } catch (AgentOsApiException notYet) {
      return false;
    }
  }
}
