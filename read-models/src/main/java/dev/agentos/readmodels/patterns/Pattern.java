package dev.agentos.readmodels.patterns;

import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The latest snapshot of one recurring error or success pattern of a project, as the learning jobs
 * last reported it ({@code PatternDetected}): a row of {@value PatternSchema#TABLE}, and what the
 * query side answers.
 */
public record Pattern(
    @Schema(description = "stable id derived from kind and signature") String patternId,
    String tenantId,
    String projectId,
    PatternKind kind,
    @Schema(description = "why the latest snapshot was reported: first seen, seen again, rising")
        PatternStatus status,
    @Schema(description = "the normalised form the matches share") String signature,
    @Schema(description = "the language it occurs in, when it is specific to one") String language,
    @Schema(description = "ERROR patterns: the error type the matches share, when one was read")
        String errorType,
    @Schema(description = "ERROR patterns: the top stack frames the matches share, normalised")
        List<String> topFrames,
    @Schema(description = "a few recent matches") List<Example> examples,
    @Schema(description = "matches so far") long occurrences,
    @Schema(description = "matches in the latest hour of event time") long recentOccurrences,
    Instant firstSeenAt,
    Instant lastSeenAt,
    @Schema(description = "distinct agents with a match so far") int agentsAffected,
    @Schema(description = "distinct sessions with a match so far") int sessionsAffected,
    @Schema(description = "SUCCESS patterns: tries with this signature; 0 for ERROR patterns")
        long support,
    @Schema(description = "SUCCESS patterns: occurrences / support; null for ERROR patterns")
        Double successRate,
    @Schema(description = "the eventId of the snapshot shown") String eventId,
    @Schema(description = "when the job reported the snapshot shown") Instant detectedAt) {

  /**
   * One event that matched the pattern. Named apart in the API document, where the categories'
   * {@code Example} has the plain name.
   */
  @Schema(name = "PatternExample", description = "one event that matched the pattern")
  public record Example(String eventId, String excerpt) {}

  public Pattern {
    topFrames = topFrames == null ? List.of() : List.copyOf(topFrames);
    examples = examples == null ? List.of() : List.copyOf(examples);
  }
}
