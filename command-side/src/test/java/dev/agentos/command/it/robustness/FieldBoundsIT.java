package dev.agentos.command.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.command.it.ApiClient;
import dev.agentos.command.it.ApiClient.Response;
import dev.agentos.command.it.CommandSideExtension;
import dev.agentos.command.it.RunningCommandSide;
import dev.agentos.command.it.TenantKeys;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every field family over its bound, a timestamp out of range and an event too large to store are
 * refused at the edge: 422 (413 for the event) as problem+json naming the field, and nothing is
 * stored. Values exactly at a bound are accepted.
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class FieldBoundsIT {

  private RunningCommandSide app;
  private ApiClient writer;
  private String contextId;

  @BeforeEach
  void setUp(RunningCommandSide app) {
    this.app = app;
    this.writer = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.MEMORY_WRITE));
    Response created = writer.post("/v1/contexts", Map.of("name", "bounds-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    this.contextId = created.json().get("id").asText();
  }

  @Test
  void aMemoryMetadataValueOverItsBoundIsRefusedAndNothingStored() {
    String id = "m-" + UUID.randomUUID();
    Response refused =
        writer.post("/v1/memories", memory(id, Map.of("notes", "x".repeat(4_097)), List.of()));

    assertInvalid(refused, "metadata[notes]");
    assertThat(refused.json().get("detail").asText()).contains("4096");
    assertNothingStored(id);
  }

  @Test
  void aMemoryMetadataValueAtItsBoundIsStored() {
    String id = "m-" + UUID.randomUUID();
    Response stored =
        writer.post("/v1/memories", memory(id, Map.of("notes", "€".repeat(4_096)), List.of()));

    assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
  }

  @Test
  void tooManyMetadataEntriesOrTooLongAKeyOrTagIsRefused() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= 100; i++) {
      many.put("k" + i, "v");
    }
    String id = "m-" + UUID.randomUUID();
    assertInvalid(writer.post("/v1/memories", memory(id, many, List.of())), "metadata");
    Response longKey =
        writer.post("/v1/memories", memory(id, Map.of("k".repeat(129), "v"), List.of()));
    assertInvalid(longKey, "metadata[" + "k".repeat(129) + "]");
    assertThat(longKey.json().get("detail").asText())
        .endsWith("this key must be at most 128 characters");
    assertInvalid(
        writer.post("/v1/memories", memory(id, Map.of(), List.of("ok", "t".repeat(101)))),
        "tags[1]");
    assertNothingStored(id);
  }

  /** An emoji is two characters: 2,049 of them are over the 4,096 a value may hold. */
  @Test
  void supplementaryCharactersCountTwiceTowardsTheBound() {
    String id = "m-" + UUID.randomUUID();
    assertInvalid(
        writer.post("/v1/memories", memory(id, Map.of("e", "😀".repeat(2_049)), List.of())),
        "metadata[e]");
    assertNothingStored(id);
  }

  @Test
  void aPatchSettingAMetadataValueOverItsBoundChangesNothing() {
    String id = "m-" + UUID.randomUUID();
    assertThat(writer.post("/v1/memories", memory(id, Map.of(), List.of())).status())
        .isEqualTo(201);

    Response refused =
        writer.patch(
            "/v1/memories/" + id, Map.of("metadata", Map.of("notes", "x".repeat(4_097))), Map.of());

    assertInvalid(refused, "metadata[notes]");
    assertThat(eventCount(id)).isEqualTo(1);
  }

  @Test
  void oneOverBoundMemoryOfABatchRefusesTheBatchNamingIt() {
    String first = "m-" + UUID.randomUUID();
    String second = "m-" + UUID.randomUUID();
    Response refused =
        writer.post(
            "/v1/memories/batch",
            Map.of(
                "memories",
                List.of(
                    memory(first, Map.of(), List.of()),
                    memory(second, Map.of("notes", "x".repeat(4_097)), List.of()))));

    assertInvalid(refused, "memories[1].metadata[notes]");
    assertNothingStored(first);
    assertNothingStored(second);
  }

  @Test
  void anExpiryOutsideTheSaneRangeIsRefused() {
    String id = "m-" + UUID.randomUUID();
    Map<String, Object> farOff = new HashMap<>(memory(id, Map.of(), List.of()));
    farOff.put("expiresAt", "2200-01-01T00:00:00Z");

    Response refused = writer.post("/v1/memories", farOff);

    assertInvalid(refused, "expiresAt");
    assertThat(refused.json().get("detail").asText()).contains("100 years");
    assertNothingStored(id);
  }

  @Test
  void anApiKeyExpiryOutsideTheSaneRangeIsRefused() {
    String agentId = "agent-" + UUID.randomUUID();
    assertThat(
            app.admin()
                .post("/v1/agents", Map.of("agentId", agentId, "displayName", "a", "client", "c"))
                .status())
        .isEqualTo(201);

    Response refused =
        app.admin()
            .post(
                "/v1/agents/" + agentId + "/keys",
                Map.of("scopes", List.of("MEMORY_READ"), "expiresAt", "2200-01-01T00:00:00Z"));

    assertInvalid(refused, "expiresAt");
    assertThat(eventCount(agentId)).isEqualTo(1);
  }

  @Test
  void agentCapabilitiesAndMetadataOverTheirBoundsAreRefused() {
    String agentId = "agent-" + UUID.randomUUID();
    Map<String, Object> agent = new HashMap<>();
    agent.put("agentId", agentId);
    agent.put("displayName", "a");
    agent.put("client", "c");
    agent.put("capabilities", List.of("c".repeat(101)));
    assertInvalid(app.admin().post("/v1/agents", agent), "capabilities[0]");

    agent.put("capabilities", java.util.Collections.nCopies(101, "code"));
    assertInvalid(app.admin().post("/v1/agents", agent), "capabilities");

    agent.put("capabilities", List.of());
    agent.put("metadata", Map.of("ide", "v".repeat(4_097)));
    assertInvalid(app.admin().post("/v1/agents", agent), "metadata[ide]");
    assertNothingStored(agentId);
  }

  @Test
  void executionCodeStdinFilesAndEnvironmentOverTheirBoundsAreRefused() {
    String id = "e-" + UUID.randomUUID();
    assertInvalid(execution(id, Map.of("code", "x".repeat(200_001))), "code");
    assertInvalid(execution(id, Map.of("code", "x", "stdin", "x".repeat(100_001))), "stdin");
    assertInvalid(
        execution(id, Map.of("code", "x", "environment", Map.of("A", "v".repeat(4_097)))),
        "environment[A]");
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      files.put("f" + i + ".py", "x".repeat(200_000));
    }
    Response tooMuch = execution(id, Map.of("files", files, "command", "python f0.py"));
    assertInvalid(tooMuch, "files");
    assertThat(tooMuch.json().get("detail").asText()).contains("500000");
    assertInvalid(
        execution(id, Map.of("files", Map.of("a.py", "x".repeat(200_001)), "command", "x")),
        "files[a.py]");
    assertNothingStored(id);
  }

  @Test
  void suggestionCodeOverItsBoundIsRefused() {
    String id = "s-" + UUID.randomUUID();
    Response refused =
        app.admin()
            .post(
                "/v1/suggestions",
                Map.of(
                    "suggestionId",
                    id,
                    "language",
                    "python",
                    "format",
                    "SNIPPET",
                    "code",
                    "x".repeat(200_001)));

    assertInvalid(refused, "code");
    assertNothingStored(id);
  }

  @Test
  void referencesOverTheirBoundAreRefusedForTheirLengthNotAsUnknown() {
    String longId = "c".repeat(256);
    Response memory =
        writer.post(
            "/v1/memories", Map.of("contextId", longId, "content", "x", "type", "DECISION"));
    Response session =
        app.admin()
            .put("/v1/sessions/s-" + UUID.randomUUID() + "/context", Map.of("contextId", longId));
    Response relation =
        writer.post(
            "/v1/memories/m-" + UUID.randomUUID() + "/relations",
            Map.of("toMemoryId", longId, "relationType", "SUPPORTS"));

    for (Response refused : List.of(memory, session, relation)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.json().get("detail").asText()).as(refused.toString()).contains("255");
    }
    assertThat(session.json().get("field").asText()).isEqualTo("contextId");
    assertThat(relation.json().get("field").asText()).isEqualTo("toMemoryId");
  }

  /**
   * Every field within its bound, but together over what one Kafka record carries: 200,000
   * three-byte characters of content and 100 metadata values of 4,096 three-byte characters.
   */
  @Test
  void anEventTooLargeToPublishIsRefusedWith413NamingItsLargestFieldAndNothingStored() {
    String id = "m-" + UUID.randomUUID();
    Map<String, Object> body = new HashMap<>(memory(id, euroMetadata(), List.of()));
    body.put("content", "€".repeat(200_000));

    Response refused = writer.post("/v1/memories", body);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("field").asText()).isEqualTo("metadata");
    assertThat(refused.json().get("detail").asText())
        .contains("MemoryStored event")
        .contains("over the limit of 900,000 bytes");
    assertNothingStored(id);
  }

  @Test
  void anEventTooLargeToPublishInABatchIsRefusedNamingItsMemoryAndNothingOfTheBatchStored() {
    String small = "m-" + UUID.randomUUID();
    String large = "m-" + UUID.randomUUID();
    Map<String, Object> tooLarge = new HashMap<>(memory(large, euroMetadata(), List.of()));
    tooLarge.put("content", "€".repeat(200_000));

    Response refused =
        writer.post(
            "/v1/memories/batch",
            Map.of("memories", List.of(memory(small, Map.of(), List.of()), tooLarge)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.json().get("field").asText()).isEqualTo("metadata");
    assertThat(refused.json().get("detail").asText()).contains("MemoryStored event of " + large);
    assertNothingStored(small);
    assertNothingStored(large);
  }

  @Test
  void rawEventsWithAnOccurredAtOutOfRangeOrAFieldOverItsBoundAreRefused() {
    ApiClient agent = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.EVENTS_WRITE));
    Map<String, Object> inTheYear3000 =
        Map.of(
            "type", "MetricRecorded",
            "occurredAt", "3000-01-01T00:00:00Z",
            "name", "latency",
            "kind", "GAUGE",
            "value", 1,
            "unit", "ms");
    Map<String, Object> before2000 = new HashMap<>(inTheYear3000);
    before2000.put("occurredAt", "1677-09-21T00:12:43.145Z");
    Map<String, Object> hugeTag = new HashMap<>(inTheYear3000);
    hugeTag.put("occurredAt", "2026-01-01T00:00:00Z");
    hugeTag.put("tags", Map.of("tool", "b".repeat(257)));

    Response refused =
        agent.post("/v1/events", Map.of("events", List.of(inTheYear3000, before2000, hugeTag)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("accepted").asInt()).isZero();
    JsonNode results = refused.json().get("results");
    assertThat(results.get(0).get("errors").get(0).get("field").asText())
        .isEqualTo("events[0].occurredAt");
    assertThat(results.get(0).get("errors").get(0).get("reason").asText())
        .contains("must lie between 2000-01-01T00:00:00Z");
    assertThat(results.get(1).get("errors").get(0).get("field").asText())
        .isEqualTo("events[1].occurredAt");
    assertThat(results.get(2).get("errors").get(0).get("field").asText())
        .isEqualTo("events[2].tags[\"tool\"]");
  }

  /** 100 values of 4,096 three-byte characters: each within its bound, 1.2 MB together. */
  private static Map<String, String> euroMetadata() {
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      metadata.put("k" + i, "€".repeat(4_096));
    }
    return metadata;
  }

  private Response execution(String id, Map<String, Object> fields) {
    Map<String, Object> body = new HashMap<>(fields);
    body.put("executionId", id);
    body.put("language", "python");
    return app.admin().post("/v1/executions", body);
  }

  private Map<String, Object> memory(String id, Map<String, String> metadata, List<String> tags) {
    return Map.of(
        "memoryId", id,
        "contextId", contextId,
        "content", "Use UTC",
        "type", "DECISION",
        "tags", tags,
        "metadata", metadata);
  }

  private static void assertInvalid(Response response, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("field").asText()).as(response.toString()).isEqualTo(field);
  }

  private void assertNothingStored(String aggregateId) {
    assertThat(eventCount(aggregateId)).as("events of " + aggregateId).isZero();
  }

  /** How many events the item of this id has in the app's tenant (its stream id's). */
  private long eventCount(String id) {
    return app.events(id).size();
  }
}
