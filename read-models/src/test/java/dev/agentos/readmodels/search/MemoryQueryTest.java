package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemoryQuery.Weighting;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryQueryTest {

  @Test
  void kOutsideOneToAHundredNamesK() {
    for (int k : new int[] {0, -1, 101}) {
      assertThatThrownBy(() -> MemoryQuery.of("t", "p", "q", Mode.HYBRID, k))
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("k"))
          .hasMessageContaining("between 1 and 100");
    }
    assertThat(MemoryQuery.of("t", "p", "q", Mode.HYBRID, 100).k()).isEqualTo(100);
  }

  @Test
  void tenantProjectAndTextAreRequired() {
    assertThatThrownBy(() -> MemoryQuery.of(" ", "p", "q", Mode.HYBRID, 5))
        .hasMessage("tenantId: is required");
    assertThatThrownBy(() -> MemoryQuery.of("t", null, "q", Mode.HYBRID, 5))
        .hasMessage("projectId: is required");
    assertThatThrownBy(() -> MemoryQuery.of("t", "p", "", Mode.HYBRID, 5))
        .hasMessage("query: is required");
    assertThatThrownBy(() -> MemoryQuery.of("t", "p", "x".repeat(4001), Mode.HYBRID, 5))
        .hasMessageContaining("at most 4000");
  }

  @Test
  void modeDefaultsToHybridAndEverythingElseToNone() {
    MemoryQuery query = MemoryQuery.of("t", "p", "q", null, 5);

    assertThat(query.mode()).isEqualTo(Mode.HYBRID);
    assertThat(query.filters()).isEqualTo(MemoryFilters.NONE);
    assertThat(query.include()).isEqualTo(MemoryQuery.Inclusion.ACTIVE_ONLY);
    assertThat(query.weighting().active()).isFalse();
  }

  @Test
  void aTimeRangeMustRunForwards() {
    Instant t = Instant.parse("2026-11-01T00:00:00Z");
    assertThatThrownBy(() -> new MemoryFilters(null, null, null, null, null, t, t))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("from"));
  }

  @Test
  void weightingRejectsANonPositiveHalfLifeAndAnOutOfRangeAccessWeight() {
    assertThatThrownBy(() -> new Weighting(Duration.ZERO, 0))
        .hasMessageStartingWith("recencyHalfLife");
    assertThatThrownBy(() -> new Weighting(null, -1)).hasMessageStartingWith("accessWeight");
    assertThatThrownBy(() -> new Weighting(null, Double.NaN))
        .hasMessageStartingWith("accessWeight");
    assertThatThrownBy(() -> new Weighting(null, 11)).hasMessageStartingWith("accessWeight");
  }
}
