package dev.agentos.deploy.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo's second half, on the query side: the agent's memories come back through the read models
 * the projections built from the event log — found by meaning, as a related graph, and as a history
 * of versions.
 */
final class DemoReads {

  /** How long the demo waits for the projections to make a stored memory searchable. */
  private static final Duration FRESHNESS_WAIT = Duration.ofSeconds(60);

  private final DemoClient query;
  private final PrintStream out;

  DemoReads(DemoClient query, PrintStream out) {
    this.query = query;
    this.out = out;
  }

  /**
   * Searches with words the memory does not contain, shows the graph around {@code fixId} and the
   * versions of {@code updatedId}.
   */
  void show(String contextId, String fixId, String updatedId)
      throws IOException, InterruptedException {
    String question = "why did the money calculation come out one cent short?";
    JsonNode hits = awaitSearchFinds(question, contextId, fixId);
    out.printf("semantic search \"%s\":%n", question);
    for (JsonNode hit : hits) {
      out.printf(
          "  %.3f  %-10s %s%n",
          hit.get("score").asDouble(),
          hit.get("memory").get("type").asText(),
          hit.get("memory").get("content").asText());
    }

    JsonNode graph =
        await(
            "the related graph of " + fixId + " to hold its relation",
            () ->
                query.call(
                    "GET", "/v1/memories/" + fixId + "/related?depth=2", null, Map.of(), 200),
            g -> g.get("edges").findValuesAsText("kind").contains("RELATION"));
    out.printf(
        "related graph around %s: %d nodes, %d edges%n",
        fixId, graph.get("nodes").size(), graph.get("edges").size());
    for (JsonNode edge : graph.get("edges")) {
      boolean relation = "RELATION".equals(edge.get("kind").asText());
      out.printf(
          "  %s -%s-> %s%n",
          edge.get("from").asText(),
          relation
              ? edge.get("relationType").asText()
              : String.format("SIMILAR %.2f", edge.get("similarity").asDouble()),
          edge.get("to").asText());
    }

    JsonNode history =
        query.call("GET", "/v1/memories/" + updatedId + "/history", null, Map.of(), 200);
    out.printf("history of %s (from the event log):%n", updatedId);
    for (JsonNode version : history) {
      out.printf(
          "  v%d %s at %s: %s%n",
          version.get("version").asLong(),
          version.get("eventType").asText(),
          version.get("occurredAt").asText(),
          version.get("content").asText());
    }
  }

  /** The hits of a semantic search, once the projections have indexed the memory it should find. */
  private JsonNode awaitSearchFinds(String question, String contextId, String expectedId)
      throws IOException, InterruptedException {
    return await(
            "the search to find memory " + expectedId,
            () ->
                query.post(
                    "/v1/memories/search",
                    Map.of("query", question, "mode", "semantic", "k", 3, "contextId", contextId),
                    200),
            answer -> answer.get("hits").findValuesAsText("memoryId").contains(expectedId))
        .get("hits");
  }

  /**
   * Asks until the answer shows what the projections were to build: read models follow the log a
   * moment behind the command that wrote it.
   */
  private static JsonNode await(String what, Call call, Predicate<JsonNode> done)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + FRESHNESS_WAIT.toNanos();
    while (true) {
      JsonNode answer = call.run();
      if (done.test(answer)) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "waited "
                + FRESHNESS_WAIT.toSeconds()
                + " s for "
                + what
                + ": are the projections running? (./agentos status)");
      }
      Thread.sleep(250);
    }
  }

  private interface Call {
    JsonNode run() throws IOException, InterruptedException;
  }
}
