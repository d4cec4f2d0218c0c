package dev.agentos.benchmarks;

import dev.agentos.benchmarks.search.SearchLatencyBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./agentos bench search}: latency per mode, and the indexing work a search load causes. */
@Command(
    name = "search",
    description =
        "Search latency per mode at 100,000 memories vs a plain Elasticsearch match; then a"
            + " search load through the query side and the memory index's indexing work under it.")
final class SearchCommand implements Callable<Integer> {
  @ParentCommand BenchMain bench;

  @Option(
      names = "--memories",
      defaultValue = "100000",
      description = "Memories in the index (default: ${DEFAULT-VALUE}).")
  int memories;

  @Option(
      names = "--embedded",
      defaultValue = "2000",
      description =
          "Distinct texts embedded for real; the other memories reuse their vectors with noise"
              + " (default: ${DEFAULT-VALUE}).")
  int embedded;

  @Option(
      names = "--queries",
      defaultValue = "1000",
      description =
          "Measured queries per mode, after as many warm-up ones (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--force-merge",
      description = "Merge the index into one segment before measuring (default: as written).")
  boolean forceMerge;

  @Option(
      names = "--keep-index",
      description = "Leave the index in place at the end, for --reuse-index (default: deleted).")
  boolean keepIndex;

  @Option(
      names = "--reuse-index",
      description =
          "Search the index a --keep-index run left under this alias instead of writing one"
              + " (minutes at 100,000 memories); it stays in place.")
  String reuseIndex;

  @Option(
      names = "--load-only",
      description = "Only the search load through the query side, not the latency per mode.")
  boolean loadOnly;

  @Option(
      names = "--load-memories",
      defaultValue = "3000",
      description =
          "Memories stored through the command side for the search load (default:"
              + " ${DEFAULT-VALUE}).")
  int loadMemories;

  @Option(
      names = "--load-seconds",
      defaultValue = "120",
      description = "Seconds of search load; 0: none (default: ${DEFAULT-VALUE}).")
  int loadSeconds;

  @Option(
      names = "--load-clients",
      defaultValue = "4",
      description = "Concurrent searching clients (default: ${DEFAULT-VALUE}).")
  int loadClients;

  @Option(
      names = "--memory-index",
      defaultValue = "agentos-memories",
      description =
          "The index or alias memory-search writes, whose indexing work the load watches"
              + " (default: ${DEFAULT-VALUE}).")
  String memoryIndex;

  @Override
  public Integer call() throws Exception {
    if (!loadOnly) {
      latency();
    }
    if (loadSeconds > 0) {
      new SearchIndexingLoad(
              bench.target(), System.out, memoryIndex, loadMemories, loadSeconds, loadClients)
          .run();
    }
    return 0;
  }

  private void latency() throws Exception {
    new SearchLatencyBenchmark(
            bench.home, System.out, memories, embedded, queries, forceMerge, reuseIndex, keepIndex)
        .run();
  }
}
