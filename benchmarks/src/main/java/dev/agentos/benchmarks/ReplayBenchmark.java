package dev.agentos.benchmarks;

import dev.agentos.client.CommandApi;
import dev.agentos.client.ReplayApi;
import dev.agentos.client.admin.ReplayProgress;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.projections.wiring.ReadModelTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast a read model is rebuilt from offset zero ({@code POST /admin/replay/{readModel}} on the
 * running projections), against its floor: one plain consumer reading and Avro-decoding the same
 * topics from the start in this process, which every replay must at least pay.
 */
final class ReplayBenchmark {

  // The command side's batch limit; four clients keep it and the publisher busy.
  private static final int SEED_BATCH = 500;
  private static final int SEED_CLIENTS = 4;
  private static final List<String> TAGS = List.of("java", "db", "build", "ci", "http", "style");

  private final BenchTarget target;
  private final List<String> readModels;
  private final int seed;

  /**
   * @param seed memories to store before replaying, so the topics hold enough records to measure (a
   *     replay of a few thousand records is over before the first progress poll)
   */
  ReplayBenchmark(BenchTarget target, List<String> readModels, int seed) {
    this.target = target;
    this.readModels = readModels;
    this.seed = seed;
  }

  void run() throws Exception {
    ReplayApi replays = target.admin().replays();
    if (seed > 0) {
      seed();
    }
    for (String readModel : readModels) {
      List<String> topics = ReadModelTopics.of(readModel);
      if (topics.isEmpty()) {
        throw new IllegalArgumentException(
            "no read model "
                + readModel
                + ": one of "
                + String.join(", ", ReadModelTopics.groups()));
      }
      double floor =
          new PlainConsumer(
                  target.stack().kafkaBootstrapServers(), target.stack().schemaRegistryUrl())
              .readAll(topics, System.out)
              .perSecond();
      Replayed replayed = replay(replays, readModel);
      System.out.printf(
          Locale.ROOT,
          "%-17s replayed %,d records in %.1f s: %,.0f records/s; plain consumer %,.0f records/s;"
              + " ratio %.3f%n",
          readModel,
          replayed.records(),
          replayed.seconds(),
          replayed.records() / replayed.seconds(),
          floor,
          replayed.records() / replayed.seconds() / floor);
      System.out.printf(
          Locale.ROOT,
          "%-17s every record applied after %.1f s (%,.0f records/s); caught up after %.1f s;"
              + " after-replay steps (e.g. list indexes queryable) done %.1f s after that%n",
          "",
          replayed.appliedSeconds(),
          replayed.records() / replayed.appliedSeconds(),
          replayed.caughtUpSeconds(),
          replayed.seconds() - replayed.caughtUpSeconds());
    }
  }

  /**
   * @param seconds until the replay reported finished: caught up and its read model's after-replay
   *     steps done (memory-cassandra's list indexes built and queryable, memory-search's refresh
   *     back), what {@code ./agentos replay} waits for; against a projections that does not report
   *     {@code finished}, until caught up
   * @param appliedSeconds until the poll that first saw every record read (tokens advance after a
   *     batch is written, so the read model was complete then); Axon's caught-up flag can follow
   *     seconds later, which the first figure includes
   * @param caughtUpSeconds until the first poll that saw the processor caught up
   */
  private record Replayed(
      long records, double seconds, double appliedSeconds, double caughtUpSeconds) {}

  /** Stores {@code seed} memories with two tags each through the command side, in batches. */
  private void seed() throws Exception {
    String contextId = "bench-replay-" + UUID.randomUUID();
    CommandApi commands = target.agent().commands();
    commands.createContext(CreateContext.of(contextId, contextId));
    int requests = (seed + SEED_BATCH - 1) / SEED_BATCH;
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    Concurrently.run(
        SEED_CLIENTS,
        client -> {
          for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
            List<StoreMemory> memories = new ArrayList<>();
            for (int i = r * SEED_BATCH; i < Math.min(seed, (r + 1) * SEED_BATCH); i++) {
              memories.add(
                  StoreMemory.of(
                          contextId,
                          i % 3 == 0 ? MemoryType.ERROR_FIX : MemoryType.FACT,
                          "replay bench memory " + i + ": retries use exponential backoff")
                      .withTags(
                          List.of(TAGS.get(i % TAGS.size()), TAGS.get((i / 7) % TAGS.size()))));
            }
            commands.storeMemories(memories);
          }
        });
    System.out.printf(
        Locale.ROOT,
        "  stored %,d memories to replay in %.1f s%n",
        seed,
        (System.nanoTime() - started) / 1e9);
  }

  private Replayed replay(ReplayApi replays, String readModel) throws Exception {
    long started = System.nanoTime();
    replays.start(readModel);
    ReplayProgress progress;
    long lastRead = -1;
    long lastReadAt = started;
    long caughtUpAt = 0;
    do {
      Thread.sleep(250);
      progress = replays.progress(readModel);
      if (progress.recordsRead() != lastRead) {
        lastRead = progress.recordsRead();
        lastReadAt = System.nanoTime();
      }
      System.out.printf(
          Locale.ROOT,
          "  %s: %,d records read, %,.0f records/s, lag %,d%n",
          readModel,
          progress.recordsRead(),
          progress.recordsPerSecond(),
          progress.lag());
      if (caughtUpAt == 0 && progress.caughtUp()) {
        caughtUpAt = System.nanoTime();
      }
    } while (!progress.isDone());
    // finished is seen at the next poll: up to 250 ms late, which the figure includes
    long now = System.nanoTime();
    return new Replayed(
        lastRead,
        (now - started) / 1e9,
        (lastReadAt - started) / 1e9,
        (caughtUpAt - started) / 1e9);
  }
}
