package dev.agentos.benchmarks;

import dev.agentos.benchmarks.search.RetrievalBenchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./agentos bench
 * <ingest|memory|history|retrieval|search|vectors|freshness|replay|learning|executor>}: measures a
 * running stack and prints the figures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help and --version on every benchmark too
    description = "Benchmarks against the stack ./agentos up runs; each prints its baseline too.",
    subcommands = {
      BenchMain.Ingest.class,
      BenchMain.Memory.class,
      BenchMain.History.class,
      BenchMain.Retrieval.class,
      SearchCommand.class,
      VectorsCommand.class,
      BenchMain.Freshness.class,
      BenchMain.Replay.class,
      LearningCommand.class,
      ExecutorCommand.class
    })
public final class BenchMain {

  @Option(
      names = "--home",
      defaultValue = "${env:AGENTOS_HOME:-.agentos}",
      scope = CommandLine.ScopeType.INHERIT,
      description = "The stack's folder (default: ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--admin-key",
      defaultValue = "${env:AGENTOS_ADMIN_KEY}",
      scope = CommandLine.ScopeType.INHERIT,
      description = "An admin key (default: $AGENTOS_ADMIN_KEY, else <home>/admin-key).")
  String adminKey;

  BenchTarget target() throws Exception {
    return BenchTarget.connect(home, adminKey);
  }

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new BenchMain());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("bench: " + e.getMessage());
          return 1;
        });
    System.exit(commandLine.execute(args));
  }

  @Command(name = "ingest", description = "HTTP batch ingest vs a raw KafkaProducer.")
  static final class Ingest implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--events",
        defaultValue = "200000",
        description = "Events per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
        names = "--batch",
        defaultValue = "1000",
        description = "Events per HTTP request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
        names = "--clients",
        defaultValue = "4",
        description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Override
    public Integer call() throws Exception {
      new IngestBenchmark(bench.target(), events, batch, clients).run();
      return 0;
    }
  }

  @Command(name = "memory", description = "Memory store commands/s vs plain JDBC commits.")
  static final class Memory implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--seconds",
        defaultValue = "20",
        description = "Seconds per run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
        names = "--clients",
        defaultValue = "32",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--batch",
        defaultValue = "100",
        description = "Memories per batch request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
      new MemoryStoreBenchmark(bench.target(), seconds, clients, batch).run();
      return 0;
    }
  }

  @Command(
      name = "history",
      description =
          "History and as-of reads from the memory-history read model vs a plain read of the"
              + " memory's row (Cassandra) and GET by id (HTTP).")
  static final class History implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--memories",
        defaultValue = "200",
        description = "Memories stored (default: ${DEFAULT-VALUE}).")
    int memories;

    @Option(
        names = "--updates",
        defaultValue = "9",
        description = "Updates of each memory: versions are one more (default: ${DEFAULT-VALUE}).")
    int updates;

    @Option(
        names = "--seconds",
        defaultValue = "10",
        description = "Seconds per run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
        names = "--clients",
        defaultValue = "8",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--keyspace",
        defaultValue = "agentos_memory",
        description = "The read models' keyspace (default: ${DEFAULT-VALUE}).")
    String keyspace;

    @Override
    public Integer call() throws Exception {
      new HistoryBenchmark(bench.target(), keyspace, memories, updates, seconds, clients).run();
      return 0;
    }
  }

  @Command(
      name = "retrieval",
      description =
          "Recall@5/@10 and nDCG@10 of keyword, semantic and hybrid search on the labelled set,"
              + " with the fusion, neighbour-embedding and query-expansion levers.")
  static final class Retrieval implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--distractors",
        defaultValue = "0",
        description =
            "Generated memories, really embedded, indexed beside the labelled set in its scope:"
                + " the answers must then be found among them (default: ${DEFAULT-VALUE}).")
    int distractors;

    @Override
    public Integer call() throws Exception {
      new RetrievalBenchmark(bench.home, System.out, distractors).run();
      return 0;
    }
  }

  @Command(
      name = "freshness",
      description =
          "Memory accepted by the command side → found by search on the query side, p50/p99,"
              + " beside → readable by id (Cassandra).")
  static final class Freshness implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--memories",
        defaultValue = "1000",
        description = "Memories stored and awaited (default: ${DEFAULT-VALUE}).")
    int memories;

    @Option(
        names = "--clients",
        defaultValue = "8",
        description = "Concurrent clients, each storing then awaiting (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--memory-index",
        defaultValue = "agentos-memories",
        description =
            "The index or alias memory-search writes, read by id to time it apart from the"
                + " refresh (default: ${DEFAULT-VALUE}).")
    String memoryIndex;

    @Option(
        names = "--poll-ms",
        defaultValue = "10",
        description =
            "Pause between a client's looks (search, read by id, index get): the resolution, and"
                + " the benchmark's own load (default: ${DEFAULT-VALUE}).")
    int pollMillis;

    @Override
    public Integer call() throws Exception {
      new FreshnessBenchmark(bench.target(), memories, clients, memoryIndex, pollMillis).run();
      return 0;
    }
  }

  @Command(
      name = "replay",
      description =
          "Rebuilds read models from offset zero on the running projections (records/s) vs one"
              + " plain consumer reading the same topics.")
  static final class Replay implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @picocli.CommandLine.Parameters(
        arity = "0..*",
        defaultValue = "memory-cassandra,memory-search",
        split = ",",
        description = "Read models to rebuild, one after the other (default: ${DEFAULT-VALUE}).")
    List<String> readModels;

    @Option(
        names = "--seed",
        defaultValue = "0",
        description =
            "Memories to store first, so the topics hold enough to measure (default:"
                + " ${DEFAULT-VALUE}: replay what they hold).")
    int seed;

    @Override
    public Integer call() throws Exception {
      new ReplayBenchmark(bench.target(), readModels, seed).run();
      return 0;
    }
  }
}
