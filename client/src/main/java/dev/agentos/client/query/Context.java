package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A context with its members ({@code GET /v1/contexts/{id}}).
 *
 * @param state {@code OPEN} or {@code MERGED} (into {@code mergedInto})
 */
public record Context(
    String id,
    String projectId,
    String name,
    String description,
    String parentContextId,
    Set<String> tags,
    String state,
    String mergedInto,
    Instant createdAt,
    List<Member> members) {

  /** The members' memory ids. */
  public List<String> memberIds() {
    return members.stream().map(Member::memoryId).toList();
  }

  public record Member(String memoryId, Instant addedAt, String collapsedInto) {}
}
