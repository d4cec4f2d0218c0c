package dev.agentos.client.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds a {@link Search}; what is not set is left to the query side's defaults. */
public final class SearchBuilder {

  private final String query;
  private SearchMode mode;
  private Integer k;
  private String projectId;
  private String contextId;
  private String agentId;
  private String sessionId;
  private String type;
  private List<String> tags;
  private Instant from;
  private Instant to;
  private Boolean includeSuperseded;
  private Boolean includeDeleted;
  private Boolean includeExpired;
  private Duration recencyHalfLife;
  private Double accessWeight;

  SearchBuilder(String query) {
    this.query = query;
  }

  public SearchBuilder mode(SearchMode mode) {
    this.mode = mode;
    return this;
  }

  public SearchBuilder k(int k) {
    this.k = k;
    return this;
  }

  public SearchBuilder projectId(String projectId) {
    this.projectId = projectId;
    return this;
  }

  public SearchBuilder contextId(String contextId) {
    this.contextId = contextId;
    return this;
  }

  public SearchBuilder agentId(String agentId) {
    this.agentId = agentId;
    return this;
  }

  public SearchBuilder sessionId(String sessionId) {
    this.sessionId = sessionId;
    return this;
  }

  public SearchBuilder type(String type) {
    this.type = type;
    return this;
  }

  /** A hit must have all of them. */
  public SearchBuilder tags(List<String> tags) {
    this.tags = tags;
    return this;
  }

  /** Created at or after {@code from} and before {@code to}; either may be null. */
  public SearchBuilder created(Instant from, Instant to) {
    this.from = from;
    this.to = to;
    return this;
  }

  /** Also finds superseded, deleted or expired memories. */
  public SearchBuilder including(boolean superseded, boolean deleted, boolean expired) {
    this.includeSuperseded = superseded;
    this.includeDeleted = deleted;
    this.includeExpired = expired;
    return this;
  }

  /** Weights hits by recency ({@code null}: off) and by access counts (0 or null: off). */
  public SearchBuilder weighting(Duration recencyHalfLife, Double accessWeight) {
    this.recencyHalfLife = recencyHalfLife;
    this.accessWeight = accessWeight;
    return this;
  }

  public Search build() {
    return new Search(
        query,
        mode,
        k,
        projectId,
        contextId,
        agentId,
        sessionId,
        type,
        tags,
        from,
        to,
        includeSuperseded,
        includeDeleted,
        includeExpired,
        recencyHalfLife,
        accessWeight);
  }
}
