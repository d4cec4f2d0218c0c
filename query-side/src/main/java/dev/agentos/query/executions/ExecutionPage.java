package dev.agentos.query.executions;

import dev.agentos.readmodels.executions.ExecutionSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a session's executions, newest request first. */
public record ExecutionPage(
    List<ExecutionSummary> items,
    @Schema(description = "pass as ?cursor= for the next page; null on the last page")
        String nextCursor) {}
