package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * Which memories a list or the categories look at; every field is optional (null: no filter).
 *
 * @param projectId null: the key's project
 * @param tags a memory must have all of them
 * @param from created at or after
 * @param to created before
 */
public record MemoryFilter(
    String projectId,
    String contextId,
    String agentId,
    String sessionId,
    String type,
    List<String> tags,
    Instant from,
    Instant to) {

  /** No filter: the key's project. */
  public static MemoryFilter all() {
    return new MemoryFilter(null, null, null, null, null, null, null, null);
  }

  public static MemoryFilter context(String contextId) {
    return new MemoryFilter(null, contextId, null, null, null, null, null, null);
  }

  public MemoryFilter withType(String type) {
    return new MemoryFilter(projectId, contextId, agentId, sessionId, type, tags, from, to);
  }

  public MemoryFilter withTags(List<String> tags) {
    return new MemoryFilter(projectId, contextId, agentId, sessionId, type, tags, from, to);
  }

  void addTo(QueryString query) {
    query
        .add("projectId", projectId)
        .add("contextId", contextId)
        .add("agentId", agentId)
        .add("sessionId", sessionId)
        .add("type", type)
        .add("tags", tags == null ? null : String.join(",", tags))
        .add("from", from)
        .add("to", to);
  }
}
