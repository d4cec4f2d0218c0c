package dev.agentos.systemtests.readpath;

import static dev.agentos.query.it.robustness.QueryProblems.assertInvalidField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.FeatureEntity;
import dev.agentos.query.it.QueryClient;
import dev.agentos.query.it.QuerySideExtension;
import dev.agentos.query.it.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /v1/features and /v1/features/series over HTTP, from vectors the projection's writer wrote to
 * the real InfluxDB read model, under a random tenant: the latest vector per window, a feature's
 * series, and nothing of another project or tenant.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class FeatureQueryIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private static final String TENANT = "it-features-" + UUID.randomUUID();

  /** An agent id with characters the entity id and InfluxDB escape, and InfluxQL quotes. */
  private static final String AGENT = "agent/1 it's \"x\"";

  private static QueryClient reader;
  private static QueryClient otherProject;
  private static QueryClient admin;
  private static QueryClient stranger;
  private static QueryClient memoryOnly;

  @BeforeAll
  static void writeVectors(RunningQuerySide app) {
    FeatureSeed seed = new FeatureSeed(app);
    for (int hour = 0; hour < 4; hour++) {
      seed.vector(
          FeatureEntity.AGENT, TENANT, "p1", AGENT, "1h", at(hour), 10 + hour, 0.5 + hour / 10.0);
    }
    seed.vector(FeatureEntity.AGENT, TENANT, "p1", AGENT, "24h", at(3), 100, 0.9);
    seed.vector(FeatureEntity.SESSION, TENANT, "p1", "s1", "1h", at(1), 3, 1.0);
    seed.vector(FeatureEntity.PROJECT, TENANT, "p1", "p1", "1h", at(2), 40, 0.7);
    // The same agent id in another project of the tenant: its own entity.
    seed.vector(FeatureEntity.AGENT, TENANT, "p2", AGENT, "1h", at(3), 1, 0.1);
    reader = app.as(app.newKey(TENANT, "p1", ApiKeyScope.QUERY_READ));
    otherProject = app.as(app.newKey(TENANT, "p2", ApiKeyScope.QUERY_READ));
    admin = app.as(app.newKey(TENANT, "p1", ApiKeyScope.ADMIN));
    stranger = app.as(app.newKey("it-other-" + UUID.randomUUID(), "p1", ApiKeyScope.ADMIN));
    memoryOnly = app.as(app.newKey(TENANT, "p1", ApiKeyScope.MEMORY_READ));
  }

  private static Instant at(int hour) {
    return T0.plus(Duration.ofHours(hour));
  }

  private static String agent() {
    return URLEncoder.encode(AGENT, StandardCharsets.UTF_8);
  }

  @Test
  void theLatestVectorOfEachWindowOrOfOne() {
    var answer = reader.get("/v1/features?entityType=AGENT&entityId=" + agent());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("entityId").asText()).isEqualTo(AGENT);
    assertThat(body.get("projectId").asText()).isEqualTo("p1");
    JsonNode vectors = body.get("vectors");
    assertThat(texts(vectors, "window")).containsExactly("1h", "24h");
    assertThat(vectors.get(0).get("asOf").asText()).isEqualTo("2026-12-07T13:00:00Z");
    assertThat(vectors.get(0).get("featureSet").asText()).isEqualTo("v1");
    assertThat(vectors.get(0).get("features").get("execution.count.1h").asDouble()).isEqualTo(13);
    assertThat(vectors.get(0).get("features").get("execution.success.rate.1h").asDouble())
        .isEqualTo(0.8);
    assertThat(vectors.get(1).get("features").get("execution.count.24h").asDouble()).isEqualTo(100);

    var day = reader.get("/v1/features?entityType=agent&entityId=" + agent() + "&window=24h");
    assertThat(texts(day.json().get("vectors"), "window")).containsExactly("24h");
  }

  @Test
  void aSessionByItsIdAndTheProjectWithoutOne() {
    var session = reader.get("/v1/features?entityType=SESSION&entityId=s1");
    assertThat(session.status()).as(session.toString()).isEqualTo(200);
    assertThat(session.json().at("/vectors/0/features/execution.count.1h").asDouble()).isEqualTo(3);

    var project = reader.get("/v1/features?entityType=PROJECT");
    assertThat(project.status()).as(project.toString()).isEqualTo(200);
    assertThat(project.json().get("entityId").asText()).isEqualTo("p1");
    assertThat(project.json().at("/vectors/0/asOf").asText()).isEqualTo("2026-12-07T12:00:00Z");
  }

  @Test
  void aFeaturesSeriesInRangeOldestFirstBoundedByLimit() {
    String series =
        "/v1/features/series?entityType=AGENT&entityId="
            + agent()
            + "&window=1h&from=2026-12-07T10:00:00Z&to=2026-12-07T13:00:00Z";
    var answer = reader.get(series + "&feature=execution.success.rate");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("feature").asText()).isEqualTo("execution.success.rate.1h");
    assertThat(texts(answer.json().get("points"), "time"))
        .containsExactly("2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z", "2026-12-07T12:00:00Z");
    assertThat(answer.json().at("/points/2/value").asDouble()).isEqualTo(0.7);
    assertThat(answer.json().get("truncated").asBoolean()).isFalse();

    var cut = reader.get(series + "&feature=execution.count.1h&limit=2");
    assertThat(texts(cut.json().get("points"), "value")).containsExactly("10.0", "11.0");
    assertThat(cut.json().get("truncated").asBoolean()).isTrue();

    var nothingThen =
        reader.get(
            "/v1/features/series?entityType=AGENT&entityId="
                + agent()
                + "&window=1h&feature=execution.count&from=2026-12-01T00:00:00Z"
                + "&to=2026-12-02T00:00:00Z");
    assertThat(nothingThen.status()).isEqualTo(200);
    assertThat(nothingThen.json().get("points")).isEmpty();
  }

  @Test
  void anotherProjectsOrTenantsEntityIsNotFoundAsAnUnknownOne() {
    var own = otherProject.get("/v1/features?entityType=AGENT&entityId=" + agent());
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().at("/vectors/0/features/execution.count.1h").asDouble()).isEqualTo(1);
    assertThat(own.json().get("vectors")).hasSize(1);

    var asked = admin.get("/v1/features?entityType=AGENT&projectId=p2&entityId=" + agent());
    assertThat(asked.json().at("/vectors/0/features/execution.count.1h").asDouble()).isEqualTo(1);

    assertThat(stranger.get("/v1/features?entityType=AGENT&entityId=" + agent()).status())
        .isEqualTo(404);
    assertThat(otherProject.get("/v1/features?entityType=SESSION&entityId=s1").status())
        .isEqualTo(404);
    assertThat(reader.get("/v1/features?entityType=AGENT&entityId=nobody").status()).isEqualTo(404);
    assertThat(
            stranger
                .get(
                    "/v1/features/series?entityType=AGENT&window=1h&feature=execution.count"
                        + "&from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z&entityId="
                        + agent())
                .status())
        .isEqualTo(404);
    assertThat(
            reader
                .get("/v1/features?entityType=AGENT&entityId=" + agent() + "&projectId=p2")
                .status())
        .as("a key bound to a project asks for no other")
        .isEqualTo(403);
    assertThat(memoryOnly.get("/v1/features?entityType=PROJECT").status()).isEqualTo(403);
  }

  @Test
  void aBadParameterIs422NamingIt() {
    assertInvalidField(reader.get("/v1/features?entityId=a"), "entityType");
    assertInvalidField(reader.get("/v1/features?entityType=EXECUTION&entityId=e"), "entityType");
    assertInvalidField(reader.get("/v1/features?entityType=AGENT"), "entityId");
    String series = "/v1/features/series?entityType=AGENT&entityId=a&window=1h";
    assertInvalidField(reader.get(series), "feature");
    assertInvalidField(
        reader.get("/v1/features/series?entityType=AGENT&entityId=a&feature=f"), "window");
    assertInvalidField(reader.get(series + "&feature=f&from=yesterday"), "from");
    assertInvalidField(
        reader.get(series + "&feature=f&from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z"),
        "from");
    assertInvalidField(
        reader.get(series + "&feature=f&from=2026-01-01T00:00:00Z&to=2026-12-07T00:00:00Z"),
        "from");
    assertInvalidField(reader.get(series + "&feature=f&limit=0"), "limit");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.path(field).asText(null)));
    return values;
  }
}
