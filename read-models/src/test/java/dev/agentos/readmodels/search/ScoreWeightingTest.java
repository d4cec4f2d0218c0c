package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.readmodels.search.MemoryQuery.Weighting;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreWeightingTest {

  private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

  @Test
  void recencyHalvesEveryHalfLifeSinceTheLastChange() {
    Weighting daily = new Weighting(Duration.ofDays(1), 0);
    long twoDaysAgo = NOW.minus(Duration.ofDays(2)).toEpochMilli();
    long longAgo = NOW.minus(Duration.ofDays(30)).toEpochMilli();

    assertThat(ScoreWeighting.recency(daily, Map.of(MemoryFields.UPDATED_AT, twoDaysAgo), NOW))
        .isCloseTo(0.25, within(1e-12));
    assertThat(
            ScoreWeighting.recency(
                daily,
                Map.of(MemoryFields.CREATED_AT, longAgo, MemoryFields.UPDATED_AT, twoDaysAgo),
                NOW))
        .as("an update makes a memory fresh again")
        .isCloseTo(0.25, within(1e-12));
    assertThat(ScoreWeighting.recency(daily, Map.of(MemoryFields.CREATED_AT, twoDaysAgo), NOW))
        .isCloseTo(0.25, within(1e-12));
    assertThat(
            ScoreWeighting.recency(
                daily, Map.of(MemoryFields.UPDATED_AT, NOW.plusSeconds(60).toEpochMilli()), NOW))
        .isEqualTo(1.0);
    assertThat(ScoreWeighting.recency(Weighting.NONE, Map.of(), NOW)).isNull();
  }

  @Test
  void accessGrowsLogarithmicallyWithTheCount() {
    Weighting weighting = new Weighting(null, 0.5);

    assertThat(ScoreWeighting.access(weighting, 0)).isEqualTo(1.0);
    assertThat(ScoreWeighting.access(weighting, 99))
        .isCloseTo(1 + 0.5 * Math.log(100), within(1e-12));
    assertThat(ScoreWeighting.access(Weighting.NONE, 9)).isNull();
  }
}
