package dev.agentos.systemtests.readpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/anomalies} and {@code GET /v1/anomalies/{id}} over HTTP, from anomalies the
 * projections' anomalies writer wrote to the real Cassandra read model, in a random tenant, over
 * three days: newest first across days, every filter, paging (through a millisecond two anomalies
 * share, and across days), reading by id, another project's anomaly unseen, and bad parameters
 * refused by name.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class AnomalyQueryIT {

  private static final String LATENCY = "tool.latency_ms";
  private static final String TOKENS = "llm.tokens";

  private static QueryClient reader;
  private static QueryClient admin;
  private static QueryClient memoryReader;

  @BeforeAll
  static void seed(RunningQuerySide app) {
    AnomalySeed seed = new AnomalySeed(app.cassandra());
    seed.anomaly("p1", "an-1", LATENCY, AnomalySeverity.LOW, at("2026-12-01T10:00:00Z"));
    seed.anomaly("p1", "an-2", TOKENS, AnomalySeverity.MEDIUM, at("2026-12-01T11:00:00Z"));
    seed.anomaly("p1", "an-3", LATENCY, AnomalySeverity.HIGH, at("2026-12-02T00:00:00Z"));
    seed.anomaly("p1", "an-4", LATENCY, AnomalySeverity.CRITICAL, at("2026-12-02T09:00:00Z"));
    seed.anomaly("p1", "an-5", TOKENS, AnomalySeverity.HIGH, at("2026-12-03T12:00:00.007Z"));
    seed.anomaly("p1", "an-6", LATENCY, AnomalySeverity.LOW, at("2026-12-03T12:00:00.007Z"));
    seed.anomaly("p2", "an-x", LATENCY, AnomalySeverity.CRITICAL, at("2026-12-03T13:00:00Z"));
    reader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.ADMIN));
    memoryReader = app.as(app.newKey(seed.tenant, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static List<String> ids(QueryClient client, String query) {
    var answer = client.get("/v1/anomalies" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return ids(answer.json());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(a -> ids.add(a.get("anomalyId").asText()));
    return ids;
  }

  @Test
  void theListHoldsTheKeysProjectsAnomaliesNewestFirstAcrossDaysAndNoOtherProjects() {
    assertThat(ids(reader, ""))
        .as("newest first; an-5 and an-6 share a millisecond and go by id")
        .containsExactly("an-5", "an-6", "an-4", "an-3", "an-2", "an-1");
    assertThat(ids(admin, "?projectId=p2")).containsExactly("an-x");
  }

  @Test
  void eachFilterNarrowsTheList() {
    assertThat(ids(reader, "?metric=" + LATENCY)).containsExactly("an-6", "an-4", "an-3", "an-1");
    assertThat(ids(reader, "?severity=HIGH"))
        .as("HIGH or higher")
        .containsExactly("an-5", "an-4", "an-3");
    assertThat(ids(reader, "?severity=LOW")).hasSize(6);
    assertThat(ids(reader, "?since=2026-12-02T00:00:00Z"))
        .as("at or after since")
        .containsExactly("an-5", "an-6", "an-4", "an-3");
    assertThat(ids(reader, "?until=2026-12-02T00:00:00Z"))
        .as("before until")
        .containsExactly("an-2", "an-1");
    assertThat(ids(reader, "?since=2026-12-01T11:00:00Z&until=2026-12-02T09:00:00Z"))
        .containsExactly("an-3", "an-2");
    assertThat(ids(reader, "?metric=" + LATENCY + "&severity=HIGH"))
        .containsExactly("an-4", "an-3");
    assertThat(ids(reader, "?metric=no.such.metric")).isEmpty();
  }

  @Test
  void pagesFollowEachOtherByCursorUntilANullOne() {
    var first = reader.get("/v1/anomalies?limit=2");
    assertThat(ids(first.json())).containsExactly("an-5", "an-6");
    var second = reader.get("/v1/anomalies?limit=2&cursor=" + cursor(first.json()));
    assertThat(ids(second.json())).containsExactly("an-4", "an-3");
    var last = reader.get("/v1/anomalies?limit=2&cursor=" + cursor(second.json()));
    assertThat(ids(last.json())).containsExactly("an-2", "an-1");
    assertThat(last.json().hasNonNull("nextCursor")).isFalse();
  }

  @Test
  void aPageCanEndInsideAMillisecondAndTheNextGoesOnWithinIt() {
    var one = reader.get("/v1/anomalies?limit=1");
    assertThat(ids(one.json())).containsExactly("an-5");
    var two = reader.get("/v1/anomalies?limit=1&cursor=" + cursor(one.json()));
    assertThat(ids(two.json())).containsExactly("an-6");
    var three = reader.get("/v1/anomalies?limit=1&cursor=" + cursor(two.json()));
    assertThat(ids(three.json())).containsExactly("an-4");
  }

  @Test
  void filteredPagesKeepTheirFiltersAcrossDays() {
    String filters = "?metric=" + LATENCY + "&until=2026-12-03T00:00:00Z&limit=2";
    var first = reader.get("/v1/anomalies" + filters);
    assertThat(ids(first.json())).containsExactly("an-4", "an-3");
    var rest = reader.get("/v1/anomalies" + filters + "&cursor=" + cursor(first.json()));
    assertThat(ids(rest.json())).containsExactly("an-1");
    assertThat(rest.json().hasNonNull("nextCursor")).isFalse();
  }

  @Test
  void anAnomalyByIdHasEveryFieldInCamelCaseWithIsoInstants() {
    var answer = reader.get("/v1/anomalies/an-4");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode a = answer.json();
    assertThat(a.get("anomalyId").asText()).isEqualTo("an-4");
    assertThat(a.get("projectId").asText()).isEqualTo("p1");
    assertThat(a.get("metric").asText()).isEqualTo(LATENCY);
    assertThat(a.get("tags").get("tool").asText()).isEqualTo("search");
    assertThat(a.get("observed").asDouble()).isEqualTo(900.0);
    assertThat(a.get("expected").asDouble()).isEqualTo(120.0);
    assertThat(a.get("expectedLow").asDouble()).isEqualTo(85.0);
    assertThat(a.get("expectedHigh").asDouble()).isEqualTo(155.0);
    assertThat(a.get("deviation").asDouble()).isEqualTo(7.5);
    assertThat(a.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(a.get("detector").asText()).isEqualTo("median-mad/v1");
    assertThat(a.get("occurredAt").asText()).isEqualTo("2026-12-02T09:00:00Z");
    assertThat(a.get("windowStart").asText()).isEqualTo("2026-12-02T08:50:00Z");
    assertThat(a.get("windowEnd").asText()).isEqualTo("2026-12-02T09:00:00.001Z");
  }

  @Test
  void anotherProjectsAnomalyIsNotFoundAsAnUnknownOneIs() {
    var other = reader.get("/v1/anomalies/an-x");
    var unknown = reader.get("/v1/anomalies/an-none");

    assertThat(other.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(other.header("Content-Type")).startsWith("application/problem+json");
    assertThat(other.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(ids(reader, "?severity=CRITICAL")).containsExactly("an-4");
    assertThat(reader.get("/v1/anomalies?projectId=p2").status())
        .as("a key bound to p1 asking for p2")
        .isEqualTo(403);
    assertThat(admin.get("/v1/anomalies/an-x?projectId=p2").status()).isEqualTo(200);
  }

  @Test
  void aParameterThatDoesNotParseIsRefusedNamingIt() {
    assertRefused("?severity=SEVERE", "severity");
    assertRefused("?since=yesterday", "since");
    assertRefused("?until=tomorrow", "until");
    assertRefused("?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z", "since");
    assertRefused("?since=2026-12-02T00:00:00Z&until=2026-12-02T00:00:00Z", "since");
    assertRefused("?limit=0", "limit");
    assertRefused("?limit=201", "limit");
    assertRefused("?limit=ten", "limit");
    assertRefused("?cursor=" + URLEncoder.encode("not a cursor", StandardCharsets.UTF_8), "cursor");
  }

  @Test
  void anomaliesWantTheQueryReadScope() {
    assertThat(memoryReader.get("/v1/anomalies").status()).isEqualTo(403);
    assertThat(memoryReader.get("/v1/anomalies/an-4").status()).isEqualTo(403);
  }

  private static void assertRefused(String query, String parameter) {
    var answer = reader.get("/v1/anomalies" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("field").asText()).isEqualTo(parameter);
  }

  private static String cursor(JsonNode page) {
    return URLEncoder.encode(page.get("nextCursor").asText(), StandardCharsets.UTF_8);
  }
}
