package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/projects/{id}/health} over HTTP, from reports the projections' health writer wrote
 * to the real Cassandra read model, in a random tenant: the latest report with its components as
 * two-decimal numbers, a trend range newest first, another project's or tenant's health unseen
 * (404, as an unknown project's), and bad ranges refused by name.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class ProjectHealthQueryIT {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static ProjectHealthSeed seed;
  private static QueryClient reader;
  private static QueryClient admin;
  private static QueryClient stranger;
  private static QueryClient memoryReader;

  private static Instant hour(int n) {
    return T0.plusSeconds(3600L * n);
  }

  @BeforeAll
  static void seed(RunningQuerySide app) {
    seed = new ProjectHealthSeed(app.cassandra());
    Map<String, String> components =
        Map.of("test-pass-rate", "99.5", "execution-success", "75", "anomalies", "100");
    seed.report("p1", hour(1), "80", components);
    seed.report("p1", hour(2), "82.25", components);
    seed.report("p1", hour(3), "87.5", components);
    seed.report("p1", hour(4), "90.1", Map.of("test-pass-rate", "0", "error-trend", "66.67"));
    seed.report("p2", hour(5), "10", components);
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.ADMIN));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static List<String> windowEnds(JsonNode trend) {
    List<String> ends = new ArrayList<>();
    trend.get("reports").forEach(r -> ends.add(r.get("windowEnd").asText()));
    return ends;
  }

  @Test
  void theLatestReportHasItsScoreAndComponentsAsTwoDecimalNumbers() {
    var answer = reader.get("/v1/projects/p1/health");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.get("projectId").asText()).isEqualTo("p1");
    assertThat(report.get("reportId").asText()).isEqualTo("p1:" + hour(4));
    assertThat(report.get("windowStart").asText()).isEqualTo("2026-12-01T03:00:00Z");
    assertThat(report.get("windowEnd").asText()).isEqualTo("2026-12-01T04:00:00Z");
    assertThat(report.get("score").isNumber()).isTrue();
    assertThat(report.get("components").get("error-trend").isNumber()).isTrue();
    // The body itself, not a parsed double: 90.10, not 90.1.
    assertThat(answer.body())
        .contains("\"score\":90.10")
        .contains("\"components\":{\"error-trend\":66.67,\"test-pass-rate\":0.00}");
  }

  @Test
  void aTrendHoldsTheReportsEndingInTheRangeNewestFirst() {
    var answer =
        reader.get("/v1/projects/p1/health?from=2026-12-01T02:00:00Z&to=2026-12-01T04:00:00Z");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(windowEnds(answer.json()))
        .as("from inclusive, to exclusive")
        .containsExactly("2026-12-01T03:00:00Z", "2026-12-01T02:00:00Z");
    assertThat(answer.json().get("truncated").asBoolean()).isFalse();
    assertThat(answer.body()).contains("\"score\":87.50", "\"execution-success\":75.00");

    var limited = reader.get("/v1/projects/p1/health?from=" + T0 + "&to=" + hour(24) + "&limit=3");
    assertThat(windowEnds(limited.json()))
        .containsExactly("2026-12-01T04:00:00Z", "2026-12-01T03:00:00Z", "2026-12-01T02:00:00Z");
    assertThat(limited.json().get("truncated").asBoolean()).isTrue();

    var quiet = reader.get("/v1/projects/p1/health?from=" + hour(10) + "&to=" + hour(20));
    assertThat(quiet.status()).as("a project with reports, none in range").isEqualTo(200);
    assertThat(quiet.json().get("reports")).isEmpty();
  }

  @Test
  void anotherProjectOrTenantsHealthIsNotFoundAsAnUnknownProjectsIs() {
    var other = reader.get("/v1/projects/p2/health");
    var unknown = reader.get("/v1/projects/p-none/health");
    var otherTenant = stranger.get("/v1/projects/p1/health");

    assertThat(List.of(other.status(), unknown.status(), otherTenant.status())).containsOnly(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    String range = "?from=" + T0 + "&to=" + hour(24);
    assertThat(reader.get("/v1/projects/p2/health" + range).status()).isEqualTo(404);
    assertThat(admin.get("/v1/projects/p-none/health" + range).status()).isEqualTo(404);
    assertThat(stranger.get("/v1/projects/p1/health" + range).status()).isEqualTo(404);
    var readable = admin.get("/v1/projects/p2/health");
    assertThat(readable.status()).as("an ADMIN key reads every project").isEqualTo(200);
    assertThat(readable.json().get("score").decimalValue()).isEqualByComparingTo("10");
  }

  @Test
  void aBadOrReversedRangeIsRefusedNamingTheParameter() {
    assertRefused("?from=yesterday&to=" + hour(1), "from");
    assertRefused("?from=" + hour(1), "to");
    assertRefused("?to=" + hour(1), "from");
    assertRefused("?from=" + hour(2) + "&to=" + hour(1), "to");
    assertRefused("?from=" + T0 + "&to=" + T0.plusSeconds(93L * 24 * 3600), "to");
    assertRefused("?from=" + T0 + "&to=" + hour(1) + "&limit=0", "limit");
  }

  @Test
  void healthWantsTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/projects/p1/health").status()).isEqualTo(403);
  }

  private static void assertRefused(String query, String parameter) {
    var answer = reader.get("/v1/projects/p1/health" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parameter);
  }
}
