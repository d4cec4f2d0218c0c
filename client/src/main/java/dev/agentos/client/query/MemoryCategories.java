package dev.agentos.client.query;

import java.util.List;

/**
 * The categories of a scope: its most used tags with counts, and clusters of its newest memories by
 * meaning; {@code sample} says how many memories were clustered.
 */
public record MemoryCategories(
    long memoriesInScope, List<TagCategory> tags, List<Cluster> clusters, Sample sample) {

  public record Example(String memoryId, String content) {}

  public record TagCategory(String tag, long count, List<Example> examples) {}

  public record Cluster(
      String label,
      int count,
      List<String> topTags,
      List<String> topTerms,
      List<Example> examples) {}

  public record Sample(int clustered, int limit, boolean complete, String note) {}
}
