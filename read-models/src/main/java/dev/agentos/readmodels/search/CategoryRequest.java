package dev.agentos.readmodels.search;

/**
 * The categories of the caller's tenant and project, narrowed by {@code filters}: the {@code
 * tagLimit} most used tags, and the newest {@code sampleSize} vectors grouped into {@code clusters}
 * clusters (null: chosen from the sample's size), each with {@code examples} members.
 */
public record CategoryRequest(
    String tenantId,
    String projectId,
    MemoryFilters filters,
    int tagLimit,
    Integer clusters,
    int examples,
    int sampleSize) {

  public static final int MAX_TAGS = 50;
  public static final int MAX_CLUSTERS = 20;
  public static final int MAX_EXAMPLES = 10;
  public static final int MAX_SAMPLE = 2_000;
  public static final int DEFAULT_TAGS = 20;
  public static final int DEFAULT_EXAMPLES = 3;
  public static final int DEFAULT_SAMPLE = 500;

  public CategoryRequest {
    InvalidQueryException.required("tenantId", tenantId);
    InvalidQueryException.required("projectId", projectId);
    filters = filters == null ? MemoryFilters.NONE : filters;
    between("tags", tagLimit, 1, MAX_TAGS);
    if (clusters != null) {
      between("clusters", clusters, 2, MAX_CLUSTERS);
    }
    between("examples", examples, 1, MAX_EXAMPLES);
    between("sample", sampleSize, 10, MAX_SAMPLE);
  }

  /** 20 tags, clusters chosen from the sample, 3 examples each, the newest 500 vectors. */
  public static CategoryRequest of(String tenantId, String projectId) {
    return new CategoryRequest(
        tenantId,
        projectId,
        MemoryFilters.NONE,
        DEFAULT_TAGS,
        null,
        DEFAULT_EXAMPLES,
        DEFAULT_SAMPLE);
  }

  private static void between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidQueryException(
          field, "must be between " + min + " and " + max + ", was " + value);
    }
  }
}
