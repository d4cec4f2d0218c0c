package dev.agentos.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.metrics.MetricAggregate;
import dev.agentos.readmodels.metrics.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters of GET /v1/metrics read by hand, and each refusal naming its parameter. */
class MetricParametersTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final TimeRange DAY = SeriesBounds.range(null, null, NOW);

  @Test
  void tagFiltersAreTheTagDotParametersOnceEach() {
    assertThat(
            MetricParameters.tags(
                Map.of("tag.tool", List.of("bash"), "name", List.of("m"), "tag.a.b", List.of(""))))
        .containsExactly(entry("a.b", ""), entry("tool", "bash"));
    assertRefused(() -> MetricParameters.tags(Map.of("tag.", List.of("x"))), "tag.");
    assertRefused(() -> MetricParameters.tags(Map.of("tag.tool", List.of("a", "b"))), "tag.tool");
  }

  @Test
  void intervalsAreIsoOrShortAndWholeMilliseconds() {
    assertThat(MetricParameters.interval("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(MetricParameters.interval("pt30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(MetricParameters.interval("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(MetricParameters.interval("1d")).isEqualTo(Duration.ofDays(1));
    assertRefused(() -> MetricParameters.interval("5 minutes"), "interval");
    assertRefused(() -> MetricParameters.interval("PT0S"), "interval");
    assertRefused(() -> MetricParameters.interval("-PT1M"), "interval");
    assertRefused(() -> MetricParameters.interval("PT0.0005S"), "interval");
  }

  @Test
  void anIntervalAggregatesByMeanUnlessAskedAndNeverIntoTooManyPoints() {
    assertThat(MetricParameters.aggregate(null, Duration.ofMinutes(1), DAY))
        .isEqualTo(MetricAggregate.MEAN);
    assertThat(MetricParameters.aggregate("Count", Duration.ofMinutes(1), DAY))
        .isEqualTo(MetricAggregate.COUNT);
    assertThat(MetricParameters.aggregate(null, null, DAY)).isNull();
    assertRefused(() -> MetricParameters.aggregate("max", null, DAY), "aggregate");
    assertRefused(
        () -> MetricParameters.aggregate("median", Duration.ofMinutes(1), DAY), "aggregate");
    // A day in 1 s intervals is 86,400 points.
    assertRefused(() -> MetricParameters.aggregate(null, Duration.ofSeconds(1), DAY), "interval");
  }

  @Test
  void theRangeIsADayBeforeNowUnlessAskedAndAtMostAMonth() {
    assertThat(DAY.from()).isEqualTo(NOW.minus(Duration.ofDays(1)));
    assertThat(DAY.to()).isEqualTo(NOW);
    Instant to = Instant.parse("2026-01-02T00:00:00Z");
    assertThat(SeriesBounds.range(null, to, NOW).from()).isEqualTo(to.minus(Duration.ofDays(1)));
    assertRefused(() -> SeriesBounds.range(NOW, NOW, NOW), "from");
    assertRefused(() -> SeriesBounds.range(NOW.minus(Duration.ofDays(32)), null, NOW), "from");
    assertThat(SeriesBounds.limit(null)).isEqualTo(SeriesBounds.DEFAULT_LIMIT);
    assertRefused(() -> SeriesBounds.limit(0), "limit");
    assertRefused(() -> SeriesBounds.limit(SeriesBounds.MAX_LIMIT + 1), "limit");
  }

  private static void assertRefused(Runnable read, String field) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
