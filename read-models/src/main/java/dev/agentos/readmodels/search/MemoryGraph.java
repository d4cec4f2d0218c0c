package dev.agentos.readmodels.search;

import java.util.List;

/**
 * A memory and what is around it: nodes (the root at depth 0) and edges between them. {@code
 * truncated} says that a fan-out or node bound left some relations out.
 */
public record MemoryGraph(String rootId, List<Node> nodes, List<Edge> edges, boolean truncated) {

  public enum EdgeKind {
    /** A typed relation stored by a command; {@code from} is its source. */
    RELATION,
    /** One of the root's nearest memories by meaning; {@code from} is the root. */
    SIMILAR
  }

  /** A memory of the graph: {@code depth} is its distance in relation steps (1 for neighbours). */
  public record Node(
      String memoryId,
      int depth,
      String type,
      String state,
      String contextId,
      String content,
      List<String> tags) {}

  /**
   * RELATION edges carry {@code relationId}, {@code relationType} and {@code strength}; SIMILAR
   * edges carry {@code similarity} (cosine). The others are null.
   */
  public record Edge(
      String from,
      String to,
      EdgeKind kind,
      String relationId,
      String relationType,
      Float strength,
      Double similarity) {}
}
