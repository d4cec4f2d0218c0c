package dev.agentos.query.context;

import dev.agentos.readmodels.context.ContextView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A context and its members; a MERGED context names the one it was merged into. */
public record ContextResponse(
    String id,
    String projectId,
    String name,
    String description,
    String parentContextId,
    Set<String> tags,
    @Schema(description = "OPEN or MERGED") String state,
    String mergedInto,
    Instant createdAt,
    List<Member> members) {

  /** A memory of the context; {@code collapsedInto} names the memory a merge kept instead. */
  public record Member(String memoryId, Instant addedAt, String collapsedInto) {}

  static ContextResponse of(ContextView c) {
    return new ContextResponse(
        c.contextId(),
        c.projectId(),
        c.name(),
        c.description(),
        c.parentContextId(),
        c.tags(),
        c.state(),
        c.mergedInto(),
        c.createdAt(),
        c.members().stream()
            .map(m -> new Member(m.memoryId(), m.addedAt(), m.collapsedInto()))
            .toList());
  }
}
