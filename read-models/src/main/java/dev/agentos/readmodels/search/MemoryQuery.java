package dev.agentos.readmodels.search;

import java.time.Duration;

/**
 * A search of one tenant's and one project's memories: both are required, so no search can reach
 * beyond the caller's scope. Superseded, deleted and expired memories are left out unless {@link
 * Inclusion} asks for them; {@link Weighting} optionally favours recent and often-read memories.
 */
public record MemoryQuery(
    String tenantId,
    String projectId,
    String text,
    Mode mode,
    int k,
    MemoryFilters filters,
    Inclusion include,
    Weighting weighting) {

  public static final int MAX_K = 100;
  public static final int MAX_TEXT_LENGTH = 4_000;

  public enum Mode {
    KEYWORD,
    SEMANTIC,
    HYBRID
  }

  /** Which inactive memories a search may return besides the active ones. */
  public record Inclusion(boolean superseded, boolean deleted, boolean expired) {
    public static final Inclusion ACTIVE_ONLY = new Inclusion(false, false, false);
  }

  /**
   * Re-ranking of the candidates: a recency factor {@code 0.5^(age / halfLife)} (null half-life:
   * off) and an access factor {@code 1 + accessWeight * ln(1 + accessCount)} (0: off).
   */
  public record Weighting(Duration recencyHalfLife, double accessWeight) {
    public static final Weighting NONE = new Weighting(null, 0);
    public static final double MAX_ACCESS_WEIGHT = 10;

    public Weighting {
      if (recencyHalfLife != null && (recencyHalfLife.isNegative() || recencyHalfLife.isZero())) {
        throw new InvalidQueryException("recencyHalfLife", "must be positive");
      }
      if (!(accessWeight >= 0 && accessWeight <= MAX_ACCESS_WEIGHT)) {
        throw new InvalidQueryException(
            "accessWeight", "must be between 0 and " + MAX_ACCESS_WEIGHT + ", was " + accessWeight);
      }
    }

    boolean active() {
      return recencyHalfLife != null || accessWeight > 0;
    }
  }

  public MemoryQuery {
    InvalidQueryException.required("tenantId", tenantId);
    InvalidQueryException.required("projectId", projectId);
    InvalidQueryException.required("query", text);
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new InvalidQueryException(
          "query", "is " + text.length() + " characters, at most " + MAX_TEXT_LENGTH);
    }
    if (k < 1 || k > MAX_K) {
      throw new InvalidQueryException("k", "must be between 1 and " + MAX_K + ", was " + k);
    }
    mode = mode == null ? Mode.HYBRID : mode;
    filters = filters == null ? MemoryFilters.NONE : filters;
    include = include == null ? Inclusion.ACTIVE_ONLY : include;
    weighting = weighting == null ? Weighting.NONE : weighting;
  }

  /** Active memories of the tenant's project, no other filter, no weighting. */
  public static MemoryQuery of(String tenantId, String projectId, String text, Mode mode, int k) {
    return new MemoryQuery(tenantId, projectId, text, mode, k, null, null, null);
  }

  public MemoryQuery with(MemoryFilters filters) {
    return new MemoryQuery(tenantId, projectId, text, mode, k, filters, include, weighting);
  }

  public MemoryQuery with(Inclusion include) {
    return new MemoryQuery(tenantId, projectId, text, mode, k, filters, include, weighting);
  }

  public MemoryQuery with(Weighting weighting) {
    return new MemoryQuery(tenantId, projectId, text, mode, k, filters, include, weighting);
  }
}
