package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * One page of a session's executions, newest request first ({@code GET /v1/executions}); only a
 * null {@code nextCursor} ends the list.
 */
public record ExecutionPage(List<Item> items, String nextCursor) {

  /** An execution's status and timings; {@code GET /v1/executions/{id}} answers the rest. */
  public record Item(
      String executionId,
      String status,
      String language,
      String runtime,
      String suggestionId,
      Instant requestedAt,
      Instant startedAt,
      Instant endedAt,
      Integer exitCode,
      Long durationMs) {}
}
