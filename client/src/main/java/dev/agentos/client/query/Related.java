package dev.agentos.client.query;

import java.util.Set;

/**
 * {@code GET /v1/memories/{id}/related}: how far to look around a memory; null fields take the
 * defaults (depth 1, every relation type, 5 neighbours, the key's project).
 *
 * @param depth relation steps, 1 to 3
 * @param types relation types to follow
 * @param neighbours nearest memories by meaning, 0 to 20
 */
public record Related(Integer depth, Set<String> types, Integer neighbours, String projectId) {

  public static Related depth(int depth) {
    return new Related(depth, null, null, null);
  }

  /** The request's query string. */
  public String queryString() {
    return new QueryString()
        .add("depth", depth)
        .add("types", types == null ? null : String.join(",", types))
        .add("neighbours", neighbours)
        .add("projectId", projectId)
        .toString();
  }
}
