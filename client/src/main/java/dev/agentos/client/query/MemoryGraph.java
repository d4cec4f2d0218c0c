package dev.agentos.client.query;

import java.util.List;

/**
 * The graph around a memory: its typed relations in both directions and its nearest memories by
 * meaning; {@code truncated} when the bounds (25 relations a memory, 100 nodes) cut it.
 */
public record MemoryGraph(String rootId, List<Node> nodes, List<Edge> edges, boolean truncated) {

  public record Node(
      String memoryId,
      int depth,
      String type,
      String state,
      String contextId,
      String content,
      List<String> tags) {}

  /**
   * A {@code RELATION} (with {@code relationType} and {@code strength}) or {@code SIMILAR} (with
   * {@code similarity}) edge.
   */
  public record Edge(
      String from,
      String to,
      String kind,
      String relationId,
      String relationType,
      Float strength,
      Double similarity) {

    public boolean isRelation() {
      return "RELATION".equals(kind);
    }
  }
}
