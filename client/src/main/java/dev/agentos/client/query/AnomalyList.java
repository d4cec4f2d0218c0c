package dev.agentos.client.query;

import java.time.Instant;

/**
 * {@code GET /v1/anomalies}: a project's anomalies, newest first, one page; every filter is
 * optional (null: none).
 *
 * @param projectId null: the key's project
 * @param metric the metric name, e.g. {@code tool.latency_ms}
 * @param severity {@code LOW}, {@code MEDIUM}, {@code HIGH} or {@code CRITICAL}: that one or higher
 * @param since at or after it
 * @param until before it
 * @param limit 1 to 200; null: 50
 * @param cursor the previous page's {@code nextCursor}, with the same filters; null: the first page
 */
public record AnomalyList(
    String projectId,
    String metric,
    String severity,
    Instant since,
    Instant until,
    Integer limit,
    String cursor) {

  /** Every anomaly of the key's project. */
  public static AnomalyList all() {
    return new AnomalyList(null, null, null, null, null, null, null);
  }

  /** The anomalies of one metric in the key's project. */
  public static AnomalyList of(String metric) {
    return all().withMetric(metric);
  }

  public AnomalyList withMetric(String metric) {
    return new AnomalyList(projectId, metric, severity, since, until, limit, cursor);
  }

  public AnomalyList withSeverity(String severity) {
    return new AnomalyList(projectId, metric, severity, since, until, limit, cursor);
  }

  /** Anomalies of samples in [{@code since}, {@code until}); either may be null. */
  public AnomalyList between(Instant since, Instant until) {
    return new AnomalyList(projectId, metric, severity, since, until, limit, cursor);
  }

  public AnomalyList withLimit(int limit) {
    return new AnomalyList(projectId, metric, severity, since, until, limit, cursor);
  }

  /** The next page after {@code page}. */
  public AnomalyList after(AnomalyPage page) {
    return new AnomalyList(projectId, metric, severity, since, until, limit, page.nextCursor());
  }

  /** The request's query string. */
  public String queryString() {
    return new QueryString()
        .add("projectId", projectId)
        .add("metric", metric)
        .add("severity", severity)
        .add("since", since)
        .add("until", until)
        .add("limit", limit)
        .add("cursor", cursor)
        .toString();
  }
}
