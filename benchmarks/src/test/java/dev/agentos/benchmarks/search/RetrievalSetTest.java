package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.benchmarks.search.RetrievalSet.Kind;
import dev.agentos.benchmarks.search.RetrievalSet.Memory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The labelled set is as docs/benchmarks.md describes it. */
class RetrievalSetTest {

  private final RetrievalSet set = RetrievalSet.load();

  @Test
  void holdsAFewHundredMemoriesAcrossSessionsAndAtLeastSixtyQuestionsOfBothKinds() {
    assertThat(set.memories()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(set.memories().stream().map(Memory::sessionId).distinct()).hasSizeGreaterThan(10);
    assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(set.questions()).anyMatch(q -> q.kind() == Kind.KEYWORD);
    assertThat(set.questions()).anyMatch(q -> q.kind() == Kind.SEMANTIC);
  }

  @Test
  void memoryIdsAreUniqueAndEveryAnswerExists() {
    Set<String> ids = set.memories().stream().map(Memory::id).collect(Collectors.toSet());
    assertThat(ids).hasSameSizeAs(set.memories());
    set.questions().forEach(q -> assertThat(ids).containsAll(q.relevant()));
  }

  @Test
  void neighboursAreTheAdjacentTurnsOfTheSameSessionOnly() {
    Memory second = set.memories().get(1);

    assertThat(set.withNeighbours(second, 1))
        .isEqualTo(
            set.memories().get(0).content()
                + "\n"
                + second.content()
                + "\n"
                + set.memories().get(2).content());
    Memory firstOfSecondSession =
        set.memories().stream().filter(m -> m.sessionId().equals("s02")).findFirst().orElseThrow();
    assertThat(set.withNeighbours(firstOfSecondSession, 1))
        .doesNotContain(
            set.memories().stream()
                .filter(m -> m.sessionId().equals("s01"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .content());
  }

  @Test
  void thePreviousTurnAloneLeavesOutTheNextOne() {
    Memory second = set.memories().get(1);

    assertThat(set.withNeighbours(second, 1, 0))
        .isEqualTo(set.memories().get(0).content() + "\n" + second.content());
    assertThat(set.withNeighbours(set.memories().get(0), 1, 0))
        .isEqualTo(set.memories().get(0).content());
  }
}
