package dev.agentos.deploy.local.demo;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.QueryApi;
import dev.agentos.client.query.MemoryGraph;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.client.query.Related;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import dev.agentos.client.query.SearchResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The demo's second half, on the query side: the agent's memories come back through the read models
 * the projections built from the event log — found by meaning, as a related graph, and as a history
 * of versions.
 */
final class DemoReads {

  /** How long the demo waits for the projections to make a stored memory searchable. */
  private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(60);

  private final QueryApi query;
  private final PrintStream out;

  DemoReads(QueryApi query, PrintStream out) {
    this.query = query;
    this.out = out;
  }

  /**
   * Searches with words the memory does not contain, shows the graph around {@code fixId} and the
   * versions of {@code updatedId}.
   */
  void show(String contextId, String fixId, String updatedId) throws InterruptedException {
    String question = "why did the money calculation come out one cent short?";
    SearchResult found =
        await(
            "the search to find memory " + fixId,
            () -> query.search(Search.in(contextId, question, SearchMode.SEMANTIC, 3)),
            answer -> answer.memoryIds().contains(fixId));
    out.printf("semantic search \"%s\":%n", question);
    for (SearchResult.Hit hit : found.hits()) {
      out.printf(
          Locale.ROOT,
          "  %.3f  %-10s %s%n",
          hit.score(),
          hit.memory().type(),
          hit.memory().content());
    }

    MemoryGraph graph =
        await(
            "the related graph of " + fixId + " to hold its relation",
            () -> query.related(fixId, Related.depth(2)),
            g -> g.edges().stream().anyMatch(MemoryGraph.Edge::isRelation));
    out.printf(
        "related graph around %s: %d nodes, %d edges%n",
        fixId, graph.nodes().size(), graph.edges().size());
    for (MemoryGraph.Edge edge : graph.edges()) {
      out.printf(
          Locale.ROOT,
          "  %s -%s-> %s%n",
          edge.from(),
          edge.isRelation()
              ? edge.relationType()
              : String.format(Locale.ROOT, "SIMILAR %.2f", edge.similarity()),
          edge.to());
    }

    // The history is a read model of its own (memory-history): wait for the update to reach it.
    List<MemoryVersion> versions =
        await(
            "the history of " + updatedId + " to show its update",
            () -> historyOf(updatedId),
            history -> history.size() > 1);
    out.printf("history of %s (the memory-history read model):%n", updatedId);
    for (MemoryVersion version : versions) {
      out.printf(
          "  v%d %s at %s: %s%n",
          version.version(), version.eventType(), version.occurredAt(), version.content());
    }
  }

  /** The memory's versions; none while the projection has not written its first. */
  private List<MemoryVersion> historyOf(String memoryId) {
    try {
      return query.history(memoryId);
    } catch (AgentOsApiException e) {
      if (e.isNotFound()) {
        return List.of();
      }
      throw e;
    }
  }

  private static <T> T await(String what, Supplier<T> call, Predicate<T> done)
      throws InterruptedException {
    return await(what, FRESHNESS_WAIT, "are the projections running?", call, done);
  }

  /**
   * Asks until the answer shows what was to be built: read models follow the log a moment behind
   * the command that wrote it, and the learning jobs' findings further still.
   *
   * @param suspects what to check when the wait runs out, before {@code ./agentos status}
   */
  static <T> T await(
      String what, Duration wait, String suspects, Supplier<T> call, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      T answer = call.get();
      if (done.test(answer)) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "waited "
                + wait.toSeconds()
                + " s for "
                + what
                + ": "
                + suspects
                + " (./agentos status)");
      }
      Thread.sleep(250);
    }
  }
}
