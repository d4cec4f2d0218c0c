package dev.agentos.query.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.query.web.InvalidQueryException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which health a request asks for, and the range refusals, each naming its parameter. */
class TrendRangeTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  @Test
  void neitherEndAsksForTheLatestReport() {
    assertThat(TrendRange.of(null, null, null)).isNull();
  }

  @Test
  void bothEndsAskForATrendOfTheDefaultOrGivenLimit() {
    assertThat(TrendRange.of(T0, T0.plusSeconds(1), null))
        .isEqualTo(new TrendRange(T0, T0.plusSeconds(1), TrendRange.DEFAULT_LIMIT));
    assertThat(TrendRange.of(T0, T0.plus(Duration.ofDays(92)), 1000).limit()).isEqualTo(1000);
  }

  @Test
  void aRangeMissingAnEndOrReversedOrTooLongIsRefusedNamingTheParameter() {
    assertRefused(null, T0, null, "from");
    assertRefused(T0, null, null, "to");
    assertRefused(T0, T0, null, "to");
    assertRefused(T0.plusSeconds(1), T0, null, "to");
    assertRefused(T0, T0.plus(Duration.ofDays(92)).plusMillis(1), null, "to");
  }

  @Test
  void aLimitOutOfBoundsOrWithoutARangeIsRefused() {
    assertRefused(T0, T0.plusSeconds(1), 0, "limit");
    assertRefused(T0, T0.plusSeconds(1), 1001, "limit");
    assertRefused(null, null, 10, "limit");
  }

  private static void assertRefused(Instant from, Instant to, Integer limit, String field) {
    assertThatThrownBy(() -> TrendRange.of(from, to, limit))
        .isInstanceOf(InvalidQueryException.class)
        .satisfies(e -> assertThat(((InvalidQueryException) e).field()).isEqualTo(field));
  }
}
