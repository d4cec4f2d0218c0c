package dev.agentos.readmodels.search;

import java.util.List;

/**
 * The categories of a scope: its most used tags and clusters of its memories by meaning. Tag counts
 * cover every memory in scope; cluster counts cover the {@link Sample} only.
 */
public record MemoryCategories(
    long memoriesInScope, List<TagCategory> tags, List<Cluster> clusters, Sample sample) {

  /** A memory shown as an example of a category. */
  public record Example(String memoryId, String content) {}

  public record TagCategory(String tag, long count, List<Example> examples) {}

  /**
   * Memories close in meaning. {@code label} is made of its most common tags, else of the words
   * that set its memories apart from the rest of the sample ({@code topTerms}). Examples are the
   * members nearest the centre.
   */
  public record Cluster(
      String label,
      int count,
      List<String> topTags,
      List<String> topTerms,
      List<Example> examples) {}

  /**
   * What was clustered: the newest {@code clustered} memories with a vector of the index's model,
   * at most {@code limit}; {@code complete} when that was all of the scope.
   */
  public record Sample(int clustered, int limit, boolean complete, String note) {}
}
