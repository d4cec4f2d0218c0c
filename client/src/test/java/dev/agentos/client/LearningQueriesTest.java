package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentos.client.query.Anomaly;
import dev.agentos.client.query.AnomalyList;
import dev.agentos.client.query.AnomalyPage;
import dev.agentos.client.query.HealthReport;
import dev.agentos.client.query.HealthTrend;
import dev.agentos.client.query.Pattern;
import dev.agentos.client.query.PatternList;
import dev.agentos.client.query.PatternPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The learning jobs' reads: patterns, anomalies and project health, as the query side answers. */
class LearningQueriesTest {

  private static final String PATTERN =
      "{\"patternId\":\"p-1\",\"tenantId\":\"t\",\"projectId\":\"proj\",\"kind\":\"ERROR\","
          + "\"status\":\"NEW\",\"signature\":\"ModuleNotFoundError: No module named <str>\","
          + "\"language\":\"python\",\"errorType\":\"ModuleNotFoundError\","
          + "\"topFrames\":[\"app/client.py:<n>\"],"
          + "\"examples\":[{\"eventId\":\"e-1\",\"excerpt\":\"No module named 'requests'\"}],"
          + "\"occurrences\":12,\"recentOccurrences\":5,"
          + "\"firstSeenAt\":\"2026-01-02T01:00:00Z\",\"lastSeenAt\":\"2026-01-02T03:30:00Z\","
          + "\"agentsAffected\":2,\"sessionsAffected\":4,\"support\":0,\"successRate\":null,"
          + "\"eventId\":\"e-9\",\"detectedAt\":\"2026-01-02T03:30:01Z\"}";

  private static final String ANOMALY =
      "{\"anomalyId\":\"a-1\",\"tenantId\":\"t\",\"projectId\":\"proj\","
          + "\"metric\":\"test.duration.ms\",\"tags\":{\"suite\":\"unit\"},\"observed\":4210.0,"
          + "\"expected\":1200.5,\"expectedLow\":1100.25,\"expectedHigh\":1300.75,"
          + "\"deviation\":41.2,\"severity\":\"CRITICAL\",\"detector\":\"median-mad/v1\","
          + "\"windowStart\":\"2026-01-02T02:00:00Z\",\"windowEnd\":\"2026-01-02T03:00:00Z\","
          + "\"occurredAt\":\"2026-01-02T03:00:00Z\"}";

  private static final String REPORT =
      "{\"reportId\":\"r-1\",\"tenantId\":\"t\",\"projectId\":\"proj\","
          + "\"windowStart\":\"2026-01-01T03:00:00Z\",\"windowEnd\":\"2026-01-02T03:00:00Z\","
          + "\"score\":87.50,\"components\":{\"error-trend\":66.67,\"test-pass-rate\":99.50},"
          + "\"eventId\":\"e-5\"}";

  private final FakeApi api = new FakeApi();
  private final AgentOsClient client =
      AgentOsClient.builder().commandUrl(api.url()).queryUrl(api.url()).apiKey("aos_k").build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aPatternListSendsOnlyItsSetFiltersAndReadsEveryField() {
    api.answers(200, "{\"items\":[" + PATTERN + "],\"nextCursor\":\"Ag==\"}");

    PatternPage page =
        client
            .queries()
            .patterns(
                PatternList.errors()
                    .withLanguage("python")
                    .since(Instant.parse("2026-01-02T00:00:00Z"))
                    .withLimit(10));

    assertThat(api.last().method()).isEqualTo("GET");
    assertThat(api.last().uri())
        .isEqualTo(
            "/v1/patterns?kind=ERROR&language=python&since=2026-01-02T00%3A00%3A00Z&limit=10");
    assertThat(page.nextCursor()).isEqualTo("Ag==");
    Pattern pattern = page.items().get(0);
    assertThat(pattern.errorType()).isEqualTo("ModuleNotFoundError");
    assertThat(pattern.status()).isEqualTo("NEW");
    assertThat(pattern.occurrences()).isEqualTo(12);
    assertThat(pattern.recentOccurrences()).isEqualTo(5);
    assertThat(pattern.agentsAffected()).isEqualTo(2);
    assertThat(pattern.sessionsAffected()).isEqualTo(4);
    assertThat(pattern.topFrames()).containsExactly("app/client.py:<n>");
    assertThat(pattern.examples())
        .containsExactly(new Pattern.Example("e-1", "No module named 'requests'"));
    assertThat(pattern.successRate()).isNull();
    assertThat(pattern.lastSeenAt()).isEqualTo(Instant.parse("2026-01-02T03:30:00Z"));
  }

  @Test
  void theNextPageOfPatternsCarriesTheCursorWithTheSameFilters() {
    PatternList first = PatternList.all().withStatus("RISING");

    PatternList next = first.after(new PatternPage(List.of(), "a b"));

    assertThat(next.queryString()).isEqualTo("?status=RISING&cursor=a+b");
    assertThat(PatternList.all().queryString()).isEmpty();
  }

  @Test
  void onePatternIsReadByItsIdAsOnePathSegment() {
    api.answers(200, PATTERN);

    Pattern pattern = client.queries().pattern("p/1");

    assertThat(api.last().uri()).isEqualTo("/v1/patterns/p%2F1");
    assertThat(pattern.patternId()).isEqualTo("p-1");
  }

  @Test
  void anUnknownPatternIsNotFound() {
    api.answers(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");

    AgentOsApiException refused =
        catchThrowableOfType(AgentOsApiException.class, () -> client.queries().pattern("nope"));

    assertThat(refused.isNotFound()).isTrue();
  }

  @Test
  void anAnomalyListSendsItsRangeAndSeverityAndReadsTheExpectedRange() {
    api.answers(200, "{\"items\":[" + ANOMALY + "],\"nextCursor\":null}");

    AnomalyPage page =
        client
            .queries()
            .anomalies(
                AnomalyList.of("test.duration.ms")
                    .withSeverity("HIGH")
                    .between(Instant.parse("2026-01-02T00:00:00Z"), null));

    assertThat(api.last().uri())
        .isEqualTo(
            "/v1/anomalies?metric=test.duration.ms&severity=HIGH&since=2026-01-02T00%3A00%3A00Z");
    assertThat(page.nextCursor()).isNull();
    Anomaly anomaly = page.items().get(0);
    assertThat(anomaly.observed()).isEqualTo(4210.0);
    assertThat(anomaly.expectedLow()).isEqualTo(1100.25);
    assertThat(anomaly.expectedHigh()).isEqualTo(1300.75);
    assertThat(anomaly.tags()).isEqualTo(Map.of("suite", "unit"));
    assertThat(anomaly.severity()).isEqualTo("CRITICAL");
    assertThat(anomaly.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:00:00Z"));
  }

  @Test
  void oneAnomalyIsReadByItsId() {
    api.answers(200, ANOMALY);

    Anomaly anomaly = client.queries().anomaly("a-1");

    assertThat(api.last().uri()).isEqualTo("/v1/anomalies/a-1");
    assertThat(anomaly.detector()).isEqualTo("median-mad/v1");
  }

  @Test
  void theLatestHealthReportKeepsItsTwoDecimalsAndComponentOrder() {
    api.answers(200, REPORT);

    HealthReport report = client.queries().projectHealth("proj 1");

    assertThat(api.last().uri()).isEqualTo("/v1/projects/proj%201/health");
    assertThat(report.score()).isEqualTo(new BigDecimal("87.50"));
    assertThat(report.components().keySet()).containsExactly("error-trend", "test-pass-rate");
    assertThat(report.components().get("error-trend")).isEqualTo(new BigDecimal("66.67"));
    assertThat(report.windowEnd()).isEqualTo(Instant.parse("2026-01-02T03:00:00Z"));
  }

  @Test
  void aHealthTrendAsksForItsRange() {
    api.answers(
        200,
        "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-03T00:00:00Z\",\"reports\":["
            + REPORT
            + "],\"truncated\":true}");

    HealthTrend trend =
        client
            .queries()
            .projectHealth(
                "proj",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-03T00:00:00Z"));

    assertThat(api.last().uri())
        .isEqualTo(
            "/v1/projects/proj/health?from=2026-01-01T00%3A00%3A00Z&to=2026-01-03T00%3A00%3A00Z");
    assertThat(trend.truncated()).isTrue();
    assertThat(trend.reports()).extracting(HealthReport::reportId).containsExactly("r-1");
  }
}
