package dev.agentos.projections.search;

import static dev.agentos.projections.search.ScopedMemories.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.CategoryRequest;
import dev.agentos.readmodels.search.MemoryCategories;
import dev.agentos.readmodels.search.MemoryCategories.Cluster;
import dev.agentos.readmodels.search.MemoryCategories.Example;
import dev.agentos.readmodels.search.MemoryCategories.TagCategory;
import dev.agentos.readmodels.search.MemoryCategorizer;
import dev.agentos.readmodels.search.MemoryFilters;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tag counts and embedding clusters of a project on the real Elasticsearch: three topics (database,
 * CI, frontend styling), a deleted memory, and a memory of another project that must not count.
 */
@ExtendWith(LocalStackExtension.class)
class MemoryCategoriesIT {

  private static final ScopedMemories M = new ScopedMemories("tenant-" + UUID.randomUUID());
  private static final List<String> DATABASE =
      List.of(
          "PostgreSQL migrations are applied with Flyway at startup.",
          "The orders table is partitioned by month in PostgreSQL.",
          "Slow SQL queries are logged when they take over 200 ms.",
          "Database connections come from a HikariCP pool of 20.");
  private static final List<String> CI =
      List.of(
          "The CI pipeline runs on GitHub Actions for every pull request.",
          "CI caches the Maven repository between workflow runs.",
          "A failing CI build blocks merging the pull request.");
  private static final List<String> STYLING =
      List.of(
          "Buttons use the primary brand colour and rounded corners.",
          "The web UI follows the dark theme palette from the design system.");

  private static TestIndex index;
  private static MemoryCategorizer categorizer;

  @BeforeAll
  static void indexMemories(StackEndpoints stack) throws IOException {
    index = new TestIndex(stack, "it-categories");
    categorizer = new MemoryCategorizer(index.client, index.alias);
    List<MemoryStored> events = new ArrayList<>();
    Instant at = Instant.parse("2026-11-01T10:00:00Z");
    int n = 0;
    for (String text : DATABASE) {
      events.add(
          M.stored("db-" + n++, text, in("p1", "c1").at(at.plusSeconds(n)).tags("database")));
    }
    for (String text : CI) {
      events.add(
          M.stored("ci-" + n++, text, in("p1", "c1").at(at.plusSeconds(n)).tags("ci", "github")));
    }
    for (String text : STYLING) {
      events.add(M.stored("ui-" + n++, text, in("p1", "c2").at(at.plusSeconds(n))));
    }
    MemoryStored deleted =
        M.stored(
            "db-deleted", "The old MySQL database was retired.", in("p1", "c1").tags("database"));
    events.add(deleted);
    events.add(
        M.stored(
            "elsewhere", "Another project's database notes.", in("p2", "c9").tags("database")));
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(
            index.client, index.alias, new MemoryDocuments(new MemoryEmbedder()));
    writer.onMemoryEvents(events.stream().map(e -> new SequencedMemoryEvent(e, 0)).toList());
    writer.on(M.deleted(deleted), 1);
    index.refresh();
  }

  @AfterAll
  static void dropIndex() throws IOException {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void tagsAreCountedOverTheActiveMemoriesOfTheProjectWithTheNewestAsExamples() {
    MemoryCategories categories = categorizer.categorise(CategoryRequest.of(M.tenant, "p1"));

    assertThat(categories.memoriesInScope()).isEqualTo(9);
    assertThat(categories.tags())
        .extracting(TagCategory::tag, TagCategory::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("database", 4L),
            org.assertj.core.groups.Tuple.tuple("ci", 3L),
            org.assertj.core.groups.Tuple.tuple("github", 3L));
    assertThat(categories.tags().get(0).examples())
        .extracting(Example::memoryId)
        .containsExactly("db-3", "db-2", "db-1");
  }

  @Test
  void clustersGroupTheTopicsAndAreNamedByTheirTags() {
    MemoryCategories categories =
        categorizer.categorise(new CategoryRequest(M.tenant, "p1", null, 20, 3, 10, 500));

    assertThat(categories.clusters())
        .extracting(c -> prefixes(c))
        .containsExactly(Set.of("db"), Set.of("ci"), Set.of("ui"));
    assertThat(categories.clusters()).extracting(Cluster::count).containsExactly(4, 3, 2);
    assertThat(categories.clusters().get(0).label()).isEqualTo("database");
    assertThat(categories.clusters().get(1).topTags()).containsExactlyInAnyOrder("ci", "github");
    assertThat(categories.clusters().get(2).topTags()).isEmpty();
    assertThat(categories.clusters().get(2).label()).isNotBlank();
    assertThat(categories.sample().complete()).isTrue();
  }

  @Test
  void theSampleIsBoundedAndTheAnswerSaysSo() {
    MemoryCategories categories =
        categorizer.categorise(new CategoryRequest(M.tenant, "p1", null, 20, 2, 3, 10));
    assertThat(categories.sample().clustered()).isEqualTo(9);

    MemoryCategories context =
        categorizer.categorise(
            new CategoryRequest(
                M.tenant, "p1", MemoryFilters.NONE.withContext("c2"), 20, 2, 3, 10));
    assertThat(context.memoriesInScope()).isEqualTo(2);
    assertThat(context.tags()).isEmpty();
    assertThat(context.clusters()).extracting(Cluster::count).containsExactly(1, 1);
  }

  @Test
  void anotherTenantSeesNothing() {
    MemoryCategories categories = categorizer.categorise(CategoryRequest.of("tenant-x", "p1"));

    assertThat(categories.memoriesInScope()).isZero();
    assertThat(categories.tags()).isEmpty();
    assertThat(categories.clusters()).isEmpty();
  }

  private static Set<String> prefixes(Cluster cluster) {
    return cluster.examples().stream()
        .map(e -> e.memoryId().substring(0, e.memoryId().indexOf('-')))
        .collect(Collectors.toSet());
  }
}
