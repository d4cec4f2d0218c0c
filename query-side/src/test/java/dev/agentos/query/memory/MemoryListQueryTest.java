package dev.agentos.query.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.auth.Caller;
import dev.agentos.auth.ForbiddenException;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.ListedMemory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryListQueryTest {

  private static final Caller CALLER =
      new Caller("k", "t1", "key-project", "a", Set.of(ApiKeyScope.MEMORY_READ));
  private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");

  /** Reads every project of its tenant, as an ADMIN key does. */
  private static final Caller ADMIN =
      new Caller("k", "t1", "key-project", "a", Set.of(ApiKeyScope.ADMIN));

  private static MemoryListQuery query(
      String context, String project, String type, List<String> tags, Integer limit) {
    return query(ADMIN, context, project, type, tags, limit);
  }

  private static MemoryListQuery query(
      Caller caller,
      String context,
      String project,
      String type,
      List<String> tags,
      Integer limit) {
    return MemoryListQuery.of(
        caller, context, project, null, null, type, tags, null, null, limit, null);
  }

  @Test
  void aKeyBoundToAProjectListsAContextWithinItAndNoOtherProject() {
    MemoryListQuery byContext = query(CALLER, "c1", null, null, null, null);
    assertThat(byContext.projectId()).as("the key's project filters").isEqualTo("key-project");
    assertThat(byContext.matches(listed("p2", Set.of()))).isFalse();

    assertThatThrownBy(() -> query(CALLER, null, "p2", null, null, null))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("p2");
  }

  @Test
  void withoutContextOrProjectTheKeysProjectIsListed() {
    MemoryListQuery q = query(null, null, null, null, null);

    assertThat(q.key()).isEqualTo(ListKey.of(ListKey.PROJECT, "key-project", null, null));
    assertThat(q.limit()).isEqualTo(MemoryListQuery.DEFAULT_LIMIT);
    assertThat(q.unfiltered()).isTrue();
  }

  @Test
  void aContextIsItsOwnPartitionAndAProjectBesideItBecomesAFilter() {
    MemoryListQuery q = query("c1", "p2", "FACT", List.of("java", "db"), 10);

    assertThat(q.key()).isEqualTo(ListKey.of(ListKey.CONTEXT, "c1", "FACT", "java"));
    assertThat(q.projectId()).isEqualTo("p2");
    assertThat(q.otherTags()).containsExactly("db");
    assertThat(q.matches(listed("p2", Set.of("java", "db")))).isTrue();
    assertThat(q.matches(listed("p2", Set.of("java")))).as("needs every tag").isFalse();
    assertThat(q.matches(listed("p3", Set.of("java", "db")))).as("other project").isFalse();
  }

  @Test
  void anUnknownTypeIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> query(null, null, "RUMOUR", null, null))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("DECISION")
        .extracting(e -> ((InvalidQueryException) e).field())
        .isEqualTo("type");
  }

  @Test
  void aLimitOutsideItsRangeIsRefused() {
    for (int limit : new int[] {0, -1, MemoryListQuery.MAX_LIMIT + 1}) {
      assertThatThrownBy(() -> query(null, null, null, null, limit))
          .extracting(e -> ((InvalidQueryException) e).field())
          .isEqualTo("limit");
    }
    assertThat(query(null, null, null, null, MemoryListQuery.MAX_LIMIT).limit()).isEqualTo(200);
  }

  @Test
  void fromAfterToIsRefused() {
    assertThatThrownBy(
            () ->
                MemoryListQuery.of(
                    CALLER, null, null, null, null, null, null, T.plusSeconds(1), T, null, null))
        .extracting(e -> ((InvalidQueryException) e).field())
        .isEqualTo("from");
  }

  private static ListedMemory listed(String project, Set<String> tags) {
    return new ListedMemory("m", project, "c1", "a", "s", "FACT", "x", tags, 1f, T, T, null);
  }
}
