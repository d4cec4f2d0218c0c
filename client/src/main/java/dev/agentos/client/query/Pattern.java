package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * A recurring error or success pattern the learning jobs found in a project, as its latest snapshot
 * ({@code GET /v1/patterns}).
 *
 * @param kind {@code ERROR} or {@code SUCCESS}
 * @param status why the latest snapshot was reported: {@code NEW}, {@code RECURRING} or {@code
 *     RISING}
 * @param signature the normalised form the matches share
 * @param language the language it occurs in, when it is specific to one
 * @param errorType ERROR patterns: the error type the matches share, when one was read
 * @param topFrames ERROR patterns: the top stack frames the matches share, normalised
 * @param recentOccurrences matches in the latest hour of event time
 * @param support SUCCESS patterns: tries with this signature; 0 for ERROR patterns
 * @param successRate SUCCESS patterns: occurrences / support; null for ERROR patterns
 * @param eventId the event of the snapshot shown
 * @param detectedAt when the job reported the snapshot shown
 */
public record Pattern(
    String patternId,
    String projectId,
    String kind,
    String status,
    String signature,
    String language,
    String errorType,
    List<String> topFrames,
    List<Example> examples,
    long occurrences,
    long recentOccurrences,
    Instant firstSeenAt,
    Instant lastSeenAt,
    int agentsAffected,
    int sessionsAffected,
    long support,
    Double successRate,
    String eventId,
    Instant detectedAt) {

  /** One event that matched the pattern, and an excerpt of its text. */
  public record Example(String eventId, String excerpt) {}
}
