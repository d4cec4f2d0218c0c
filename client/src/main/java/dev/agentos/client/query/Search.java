package dev.agentos.client.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/memories/search}: what to look for and where. Absent (null) fields take the query
 * side's defaults: hybrid, 10 hits, the key's project, live memories only, no weighting. Build one
 * with {@link #builder(String)}.
 *
 * @param k 1 to 100
 * @param recencyHalfLife weight hits by {@code 0.5^(age / half-life)}, e.g. {@code P7D}
 * @param accessWeight 0 to 10: weight hits by {@code 1 + w·ln(1 + accessCount)}
 */
public record Search(
    String query,
    SearchMode mode,
    Integer k,
    String projectId,
    String contextId,
    String agentId,
    String sessionId,
    String type,
    List<String> tags,
    Instant from,
    Instant to,
    Boolean includeSuperseded,
    Boolean includeDeleted,
    Boolean includeExpired,
    Duration recencyHalfLife,
    Double accessWeight) {

  public static SearchBuilder builder(String query) {
    return new SearchBuilder(query);
  }

  /** {@code k} hits of {@code mode} within a context. */
  public static Search in(String contextId, String query, SearchMode mode, int k) {
    return builder(query).mode(mode).k(k).contextId(contextId).build();
  }
}
