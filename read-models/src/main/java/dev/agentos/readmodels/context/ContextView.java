package dev.agentos.readmodels.context;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A context, OPEN or MERGED (into {@code mergedInto}), with its members. */
public record ContextView(
    String contextId,
    String projectId,
    String name,
    String description,
    String parentContextId,
    Set<String> tags,
    String state,
    String mergedInto,
    Instant createdAt,
    List<Member> members) {

  /**
   * A memory of the context; {@code collapsedInto} names the memory kept when a merge dropped it.
   */
  public record Member(String memoryId, Instant addedAt, String collapsedInto) {}
}
