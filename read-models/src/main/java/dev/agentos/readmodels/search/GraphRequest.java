package dev.agentos.readmodels.search;

import dev.agentos.events.memory.RelationType;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The graph around one memory of the caller's tenant and project: relations followed {@code depth}
 * steps (1..3) in both directions, only of {@code relationTypes} when that is not empty, plus the
 * root's {@code neighbours} (0..20) nearest memories by meaning.
 */
public record GraphRequest(
    String tenantId,
    String projectId,
    String memoryId,
    int depth,
    Set<String> relationTypes,
    int neighbours) {

  public static final int MAX_DEPTH = 3;
  public static final int MAX_NEIGHBOURS = 20;
  public static final int DEFAULT_NEIGHBOURS = 5;

  public GraphRequest {
    InvalidQueryException.required("tenantId", tenantId);
    InvalidQueryException.required("projectId", projectId);
    InvalidQueryException.required("id", memoryId);
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new InvalidQueryException(
          "depth", "must be between 1 and " + MAX_DEPTH + ", was " + depth);
    }
    if (neighbours < 0 || neighbours > MAX_NEIGHBOURS) {
      throw new InvalidQueryException(
          "neighbours", "must be between 0 and " + MAX_NEIGHBOURS + ", was " + neighbours);
    }
    relationTypes = relationTypes == null ? Set.of() : Set.copyOf(relationTypes);
    Set<String> known = new TreeSet<>();
    Arrays.stream(RelationType.values()).forEach(t -> known.add(t.name()));
    for (String type : relationTypes) {
      if (!known.contains(type)) {
        throw new InvalidQueryException(
            "types", "unknown relation type '" + type + "', expected one of " + known);
      }
    }
  }

  public static GraphRequest of(String tenantId, String projectId, String memoryId, int depth) {
    return new GraphRequest(tenantId, projectId, memoryId, depth, Set.of(), DEFAULT_NEIGHBOURS);
  }
}
