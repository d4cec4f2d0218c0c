package dev.agentos.query.search;

import dev.agentos.auth.Caller;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.readmodels.search.InvalidQueryException;
import dev.agentos.readmodels.search.MemoryFilters;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How search, related graph and categories read the scope of a request, the way {@code GET
 * /v1/memories} does: the project asked for, else the API key's; the tenant is always the key's,
 * and a key bound to a project reads no other (403, {@link Caller#requireReadable}).
 */
final class RequestScope {

  private RequestScope() {}

  static String project(Caller caller, String requested) {
    String project = blankToNull(requested);
    if (project == null) {
      project = caller.projectId();
    }
    if (project == null) {
      throw new InvalidQueryException(
          "projectId", "give projectId: this API key belongs to no project");
    }
    return caller.requireReadable(project);
  }

  static MemoryFilters filters(
      String contextId,
      String agentId,
      String sessionId,
      String type,
      List<String> tags,
      Instant from,
      Instant to) {
    List<String> wanted =
        tags == null
            ? List.of()
            : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    return new MemoryFilters(
        blankToNull(contextId),
        blankToNull(agentId),
        blankToNull(sessionId),
        type(type),
        wanted,
        from,
        to);
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

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
