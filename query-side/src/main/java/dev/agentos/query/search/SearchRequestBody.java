package dev.agentos.query.search;

import dev.agentos.auth.Caller;
import dev.agentos.readmodels.search.InvalidQueryException;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemoryQuery.Weighting;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The body of {@code POST /v1/memories/search}; only {@code query} is required. */
public record SearchRequestBody(
    @Schema(description = "what to look for, in words", requiredMode = Schema.RequiredMode.REQUIRED)
        String query,
    @Schema(description = "keyword | semantic | hybrid (default)") String mode,
    @Schema(description = "how many hits, 1 to 100 (default 10)") Integer k,
    @Schema(description = "the project searched (default: the API key's)") String projectId,
    String contextId,
    String agentId,
    String sessionId,
    @Schema(description = "FACT, DECISION, PREFERENCE, ERROR_FIX, CODE_PATTERN, …") String type,
    @Schema(description = "a hit must have all of them") List<String> tags,
    @Schema(description = "created at or after (ISO-8601)") Instant from,
    @Schema(description = "created before (ISO-8601)") Instant to,
    @Schema(description = "also return superseded memories") Boolean includeSuperseded,
    @Schema(description = "also return deleted memories") Boolean includeDeleted,
    @Schema(description = "also return expired memories") Boolean includeExpired,
    @Schema(
            description =
                "ISO-8601 duration (e.g. P7D): weight hits by 0.5^(age / half-life); off if absent")
        String recencyHalfLife,
    @Schema(description = "0 to 10: weight hits by 1 + w·ln(1 + accessCount); 0 or absent is off")
        Double accessWeight) {

  static final int DEFAULT_K = 10;

  MemoryQuery toQuery(Caller caller) {
    return new MemoryQuery(
        caller.tenantId(),
        RequestScope.project(caller, projectId),
        query,
        parsedMode(),
        k == null ? DEFAULT_K : k,
        RequestScope.filters(contextId, agentId, sessionId, type, tags, from, to),
        new Inclusion(
            Boolean.TRUE.equals(includeSuperseded),
            Boolean.TRUE.equals(includeDeleted),
            Boolean.TRUE.equals(includeExpired)),
        new Weighting(halfLife(), accessWeight == null ? 0 : accessWeight));
  }

  private Mode parsedMode() {
    if (mode == null || mode.isBlank()) {
      return Mode.HYBRID;
    }
    try {
      return Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(
          "mode", "unknown mode \"" + mode + "\"; one of keyword, semantic, hybrid");
    }
  }

  private Duration halfLife() {
    if (recencyHalfLife == null || recencyHalfLife.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(recencyHalfLife.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(
          "recencyHalfLife",
          "cannot read \"" + recencyHalfLife + "\" as an ISO-8601 duration such as P7D or PT12H");
    }
  }
}
