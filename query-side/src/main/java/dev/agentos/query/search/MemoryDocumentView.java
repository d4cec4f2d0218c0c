package dev.agentos.query.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A memory as the search index holds it, in the API's names (the index's are snake_case), with how
 * often it was read, which the memory read model counts beside the index.
 */
public record MemoryDocumentView(
    String memoryId,
    String projectId,
    String contextId,
    String agentId,
    String sessionId,
    String type,
    String state,
    String supersededBy,
    String content,
    List<String> tags,
    Map<String, Object> metadata,
    Double confidence,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    Long accessCount) {

  @SuppressWarnings("unchecked")
  static MemoryDocumentView of(String memoryId, Map<String, Object> doc, long accessCount) {
    return new MemoryDocumentView(
        memoryId,
        (String) doc.get(PROJECT_ID),
        (String) doc.get(CONTEXT_ID),
        (String) doc.get(AGENT_ID),
        (String) doc.get(SESSION_ID),
        (String) doc.get(TYPE),
        (String) doc.get(STATE),
        (String) doc.get(SUPERSEDED_BY),
        (String) doc.get(CONTENT),
        (List<String>) doc.getOrDefault(TAGS, List.of()),
        (Map<String, Object>) doc.getOrDefault(METADATA, Map.of()),
        doc.get(CONFIDENCE) instanceof Number n ? n.doubleValue() : null,
        instant(doc.get(CREATED_AT)),
        instant(doc.get(UPDATED_AT)),
        instant(doc.get(EXPIRES_AT)),
        accessCount);
  }

  private static Instant instant(Object millis) {
    return millis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
  }
}
