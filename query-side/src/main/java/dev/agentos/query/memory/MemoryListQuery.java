package dev.agentos.query.memory;

import dev.agentos.auth.Caller;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.ListedMemory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A checked {@code GET /v1/memories} request: which list partition to read (the context's, else the
 * project's: the request's or else the caller key's) and what to filter out of it. Type and the
 * first tag are searched by Cassandra within the partition (its indexes, ADR 0005); agent, session,
 * project within a context and further tags (all must match) are filtered as rows are read.
 */
record MemoryListQuery(
    ListKey key,
    String projectId,
    String agentId,
    String sessionId,
    List<String> otherTags,
    Instant from,
    Instant to,
    int limit,
    String cursor) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  static MemoryListQuery of(
      Caller caller,
      String contextId,
      String projectId,
      String agentId,
      String sessionId,
      String type,
      List<String> tags,
      Instant from,
      Instant to,
      Integer limit,
      String cursor) {
    String project = blankToNull(projectId);
    String context = blankToNull(contextId);
    if (context == null && project == null) {
      project = caller.projectId();
    }
    if (context == null && project == null) {
      throw new InvalidQueryException(
          "projectId", "give projectId or contextId: this API key belongs to no project");
    }
    if (project != null) {
      caller.requireReadable(project);
    } else if (!caller.readsAnyProject()) {
      project = caller.projectId(); // a context of another project lists nothing
    }
    List<String> wantedTags =
        tags == null
            ? List.of()
            : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    ListKey key =
        context != null
            ? ListKey.of(ListKey.CONTEXT, context, type(type), first(wantedTags))
            : ListKey.of(ListKey.PROJECT, project, type(type), first(wantedTags));
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + ")");
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + size);
    }
    return new MemoryListQuery(
        key,
        context != null ? project : null,
        blankToNull(agentId),
        blankToNull(sessionId),
        wantedTags.size() > 1 ? wantedTags.subList(1, wantedTags.size()) : List.of(),
        from,
        to,
        size,
        blankToNull(cursor));
  }

  /** Whether a row of the partition passes the filters the list key does not apply. */
  boolean matches(ListedMemory m) {
    return (projectId == null || projectId.equals(m.projectId()))
        && (agentId == null || agentId.equals(m.agentId()))
        && (sessionId == null || sessionId.equals(m.sessionId()))
        && m.tags().containsAll(otherTags);
  }

  /** Whether every row of the partition passes, so a page needs no extra reads. */
  boolean unfiltered() {
    return projectId == null && agentId == null && sessionId == null && otherTags.isEmpty();
  }

  private static String type(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return MemoryType.valueOf(type.strip()).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          "type",
          "unknown memory type \"" + type + "\"; one of " + Arrays.toString(MemoryType.values()));
    }
  }

  private static String first(List<String> tags) {
    return tags.isEmpty() ? null : tags.get(0);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
