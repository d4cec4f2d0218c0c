package dev.agentos.systemtests.readpath;

import static dev.agentos.query.it.robustness.QueryProblems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/metrics over HTTP, from samples the projection's writer wrote to the real InfluxDB read
 * model, under a random tenant: samples and per-interval aggregates, filters by tag, agent and
 * session, and nothing of another project or tenant, whatever the tags asked.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class MetricQueryIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final String TENANT = "it-metrics-" + UUID.randomUUID();
  private static final String RANGE = "&from=2026-12-07T10:00:00Z&to=2026-12-07T11:00:00Z";

  private static QueryClient reader;
  private static QueryClient otherProject;
  private static QueryClient stranger;

  @BeforeAll
  static void writeSamples(RunningQuerySide app) {
    MetricSeed seed = new MetricSeed(app);
    // latency.ms: one sample a minute for ten minutes, by two agents, tool bash or git.
    for (int minute = 0; minute < 10; minute++) {
      seed.sample(
          TENANT,
          "p1",
          minute % 2 == 0 ? "a1" : "a2",
          minute < 5 ? "s1" : null,
          "latency.ms",
          T0.plusSeconds(60L * minute),
          100 + minute,
          Map.of("tool", minute < 5 ? "bash" : "git"));
    }
    // A tag value InfluxQL must quote, and a client tag named like the tenant's scope tag.
    seed.sample(
        TENANT,
        "p1",
        "a1",
        null,
        "latency.ms",
        T0.plusSeconds(30),
        7,
        Map.of("tool", "it's \"odd\" \\", "tenant_id", "spoof"));
    // The same metric in another project of the tenant, and in another tenant's p1.
    seed.sample(TENANT, "p2", "a1", null, "latency.ms", T0, 999, Map.of("tool", "bash"));
    seed.sample("it-other-" + UUID.randomUUID(), "p1", "a1", null, "latency.ms", T0, 555, Map.of());
    reader = app.as(app.newKey(TENANT, "p1", ApiKeyScope.QUERY_READ));
    otherProject = app.as(app.newKey(TENANT, "p2", ApiKeyScope.QUERY_READ));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
  }

  @Test
  void theSamplesOfAMetricOldestFirstWithTheirAgentAndSession() {
    var answer = reader.get("/v1/metrics?name=latency.ms" + RANGE);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode points = answer.json().get("points");
    assertThat(values(points)).hasSize(11).startsWith(100.0, 7.0, 101.0).endsWith(109.0);
    assertThat(points.get(0).get("time").asText()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(points.get(0).get("agentId").asText()).isEqualTo("a1");
    assertThat(points.get(0).get("sessionId").asText()).isEqualTo("s1");
    assertThat(points.get(10).has("sessionId")).isFalse();
    assertThat(answer.json().get("truncated").asBoolean()).isFalse();

    var cut = reader.get("/v1/metrics?name=latency.ms&limit=3" + RANGE);
    assertThat(values(cut.json().get("points"))).containsExactly(100.0, 7.0, 101.0);
    assertThat(cut.json().get("truncated").asBoolean()).isTrue();
  }

  @Test
  void filtersByTagAgentAndSession() {
    assertThat(values(reader.get("/v1/metrics?name=latency.ms&tag.tool=git" + RANGE).json()))
        .containsExactly(105.0, 106.0, 107.0, 108.0, 109.0);
    assertThat(
            values(
                reader.get("/v1/metrics?name=latency.ms&tag.tool=bash&agentId=a2" + RANGE).json()))
        .containsExactly(101.0, 103.0);
    assertThat(values(reader.get("/v1/metrics?name=latency.ms&sessionId=s1" + RANGE).json()))
        .containsExactly(100.0, 101.0, 102.0, 103.0, 104.0);
    String odd = URLEncoder.encode("it's \"odd\" \\", StandardCharsets.UTF_8);
    assertThat(values(reader.get("/v1/metrics?name=latency.ms&tag.tool=" + odd + RANGE).json()))
        .containsExactly(7.0);
    // The client's own tenant_id tag, not the scope: it cannot widen or move the read.
    assertThat(values(reader.get("/v1/metrics?name=latency.ms&tag.tenant_id=spoof" + RANGE).json()))
        .containsExactly(7.0);
  }

  @Test
  void anIntervalAnswersItsAggregatePerInterval() {
    String fiveMinutes = "/v1/metrics?name=latency.ms&tag.tool=bash&interval=5m" + RANGE;

    var mean = reader.get(fiveMinutes);
    assertThat(mean.status()).as(mean.toString()).isEqualTo(200);
    assertThat(mean.json().get("aggregate").asText()).isEqualTo("MEAN");
    assertThat(mean.json().get("interval").asText()).isEqualTo("PT5M");
    assertThat(values(mean.json())).containsExactly(102.0);
    assertThat(mean.json().at("/points/0/time").asText()).isEqualTo("2026-12-07T10:00:00Z");

    assertThat(values(reader.get(fiveMinutes + "&aggregate=max").json())).containsExactly(104.0);
    assertThat(values(reader.get(fiveMinutes + "&aggregate=count").json())).containsExactly(5.0);
    assertThat(
            values(
                reader
                    .get("/v1/metrics?name=latency.ms&interval=PT5M&aggregate=min" + RANGE)
                    .json()))
        .containsExactly(7.0, 105.0);
  }

  @Test
  void anotherProjectsOrTenantsSamplesAreNeverAnswered() {
    assertThat(values(otherProject.get("/v1/metrics?name=latency.ms" + RANGE).json()))
        .containsExactly(999.0);
    assertThat(values(stranger.get("/v1/metrics?name=latency.ms" + RANGE).json())).isEmpty();
    var injected =
        reader.get(
            "/v1/metrics?name=latency.ms"
                + RANGE
                + "&tag.tool="
                + URLEncoder.encode("bash' OR project_id='p2", StandardCharsets.UTF_8));
    assertThat(injected.status()).as(injected.toString()).isEqualTo(200);
    assertThat(values(injected.json())).isEmpty();
    assertThat(reader.get("/v1/metrics?name=latency.ms&projectId=p2" + RANGE).status())
        .isEqualTo(403);
    assertThat(values(reader.get("/v1/metrics?name=unknown.metric" + RANGE).json())).isEmpty();
  }

  @Test
  void aBadParameterIs422NamingIt() {
    assertInvalidField(reader.get("/v1/metrics?" + RANGE.substring(1)), "name");
    assertInvalidField(reader.get("/v1/metrics?name=m&interval=often" + RANGE), "interval");
    assertInvalidField(
        reader.get(
            "/v1/metrics?name=m&interval=1s&aggregate=max"
                + "&from=2026-12-01T00:00:00Z&to=2026-12-07T00:00:00Z"),
        "interval");
    assertInvalidField(reader.get("/v1/metrics?name=m&aggregate=max" + RANGE), "aggregate");
    assertInvalidField(
        reader.get("/v1/metrics?name=m&interval=1m&aggregate=median" + RANGE), "aggregate");
    assertInvalidField(reader.get("/v1/metrics?name=m&from=noon"), "from");
    assertInvalidField(
        reader.get("/v1/metrics?name=m&from=2026-10-01T00:00:00Z&to=2026-12-07T00:00:00Z"), "from");
    assertInvalidField(reader.get("/v1/metrics?name=m&limit=10001" + RANGE), "limit");
    assertInvalidField(reader.get("/v1/metrics?name=m&tag.tool=a&tag.tool=b" + RANGE), "tag.tool");
  }

  private static List<Double> values(JsonNode bodyOrPoints) {
    JsonNode points = bodyOrPoints.has("points") ? bodyOrPoints.get("points") : bodyOrPoints;
    List<Double> values = new ArrayList<>();
    points.forEach(p -> values.add(p.get("value").asDouble()));
    return values;
  }
}
