package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.readmodels.search.MemoryFields.State;
import org.junit.jupiter.api.Test;

class ScopeKeyTest {

  @Test
  void idsThatConcatenateAlikeStillGiveDifferentKeys() {
    // Joined with any separator, these pairs would read the same; another tenant's key must not.
    assertThat(ScopeKey.of("a|1:b", "c", State.ACTIVE))
        .isNotEqualTo(ScopeKey.of("a", "b|1:c", State.ACTIVE));
    assertThat(ScopeKey.of("ab", "c", State.ACTIVE))
        .isNotEqualTo(ScopeKey.of("a", "bc", State.ACTIVE));
  }

  @Test
  void theVectorKeyAddsTheModelToTheScopeKey() {
    assertThat(ScopeKey.withModel("t", "p", State.ACTIVE, "bge"))
        .isEqualTo(ScopeKey.of("t", "p", State.ACTIVE) + "|bge");
  }

  @Test
  void theStateIsPartOfTheKey() {
    assertThat(ScopeKey.of("t", "p", State.ACTIVE))
        .isEqualTo("1:t|1:p|ACTIVE")
        .isNotEqualTo(ScopeKey.of("t", "p", State.SUPERSEDED));
  }
}
