package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.client.command.CommandResult;
import dev.agentos.client.command.IngestResult;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.UpdateMemory;
import dev.agentos.client.query.Memory;
import dev.agentos.client.query.MemoryFilter;
import dev.agentos.client.query.MemoryList;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import dev.agentos.client.query.SearchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentOsClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeApi api = new FakeApi();
  private final AgentOsClient client =
      AgentOsClient.builder()
          .commandUrl(api.url() + "/")
          .queryUrl(api.url())
          .apiKey("aos_test")
          .sessionId("session-1")
          .traceId("trace-1")
          .build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void everyCallCarriesTheKeyAndTheContextHeaders() {
    api.answers(201, "{\"id\":\"m1\",\"version\":0}");

    client.commands().storeMemory(StoreMemory.of("ctx", MemoryType.FACT, "x"));

    assertThat(api.last().header("Authorization")).isEqualTo("Bearer aos_test");
    assertThat(api.last().header("X-session-id")).isEqualTo("session-1");
    assertThat(api.last().header("X-trace-id")).isEqualTo("trace-1");
    assertThat(api.last().header("Content-type")).isEqualTo("application/json");
  }

  @Test
  void aCopyWithAnotherKeyCallsAsItsHolder() {
    api.answers(200, "{\"id\":\"m1\",\"version\":1}");

    client.withApiKey("aos_other").withSessionId(null).commands().deleteMemory("m1");

    assertThat(api.last().header("Authorization")).isEqualTo("Bearer aos_other");
    assertThat(api.last().header("X-session-id")).isNull();
    assertThat(api.last().method()).isEqualTo("DELETE");
    assertThat(api.last().uri()).isEqualTo("/v1/memories/m1");
  }

  @Test
  void aRequestRecordIsSentWithoutItsAbsentFieldsAndWithEnumsByName() throws Exception {
    api.answers(201, "{\"id\":\"m1\",\"version\":0}");

    CommandResult stored =
        client
            .commands()
            .storeMemory(
                StoreMemory.of("ctx", MemoryType.ERROR_FIX, "round half-up")
                    .withTags(List.of("money")));

    assertThat(JSON.readTree(api.last().body()))
        .isEqualTo(
            JSON.readTree(
                "{\"contextId\":\"ctx\",\"content\":\"round half-up\",\"type\":\"ERROR_FIX\","
                    + "\"tags\":[\"money\"]}"));
    assertThat(stored).isEqualTo(new CommandResult("m1", 0));
  }

  @Test
  void anOptimisticUpdateSendsTheVersionAsIfMatch() throws Exception {
    api.answers(200, "{\"id\":\"m 1\",\"version\":4}");

    client.commands().updateMemory("m 1", UpdateMemory.content("new"), 3);

    assertThat(api.last().uri()).isEqualTo("/v1/memories/m%201");
    assertThat(api.last().header("If-match")).isEqualTo("\"3\"");
    assertThat(JSON.readTree(api.last().body())).isEqualTo(JSON.readTree("{\"content\":\"new\"}"));
  }

  @Test
  void aSearchIsSentWithItsModeInLowerCaseAndDurationsAndInstantsAsIso() throws Exception {
    api.answers(
        200,
        "{\"mode\":\"keyword\",\"k\":3,\"hits\":[{\"memoryId\":\"m1\",\"score\":0.5,"
            + "\"matchedBy\":\"KEYWORD\",\"aFieldOfANewerServer\":1,"
            + "\"memory\":{\"memoryId\":\"m1\",\"content\":\"c\",\"createdAt\":"
            + "\"2026-01-02T03:04:05.678Z\",\"accessCount\":2}}]}");

    SearchResult result =
        client
            .queries()
            .search(
                Search.builder("money")
                    .mode(SearchMode.KEYWORD)
                    .k(3)
                    .contextId("ctx")
                    .weighting(Duration.ofDays(7), 0.5)
                    .build());

    assertThat(JSON.readTree(api.last().body()))
        .isEqualTo(
            JSON.readTree(
                "{\"query\":\"money\",\"mode\":\"keyword\",\"k\":3,\"contextId\":\"ctx\","
                    + "\"recencyHalfLife\":\"PT168H\",\"accessWeight\":0.5}"));
    assertThat(result.memoryIds()).containsExactly("m1");
    assertThat(result.hits().get(0).memory().createdAt())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(result.hits().get(0).memory().accessCount()).isEqualTo(2);
  }

  @Test
  void aListSendsOnlyTheFiltersThatAreSetEncoded() {
    api.answers(200, "{\"items\":[],\"nextCursor\":\"AQ==\"}");

    var page =
        client
            .queries()
            .list(
                MemoryList.of(MemoryFilter.context("c 1").withTags(List.of("a", "b")))
                    .withLimit(5));

    assertThat(api.last().uri()).isEqualTo("/v1/memories?contextId=c+1&tags=a%2Cb&limit=5");
    assertThat(page.nextCursor()).isEqualTo("AQ==");
  }

  @Test
  void aRefusalIsAnExceptionWithTheStatusAndTheProblemDetails() {
    api.answers(
        422,
        "application/problem+json",
        "{\"type\":\"about:blank\",\"title\":\"Unprocessable Entity\",\"status\":422,"
            + "\"detail\":\"must not be blank\",\"field\":\"contextId\","
            + "\"instance\":\"/v1/memories\"}");

    AgentOsApiException refused =
        catchThrowableOfType(
            AgentOsApiException.class,
            () -> client.commands().storeMemory(StoreMemory.of("", MemoryType.FACT, "x")));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.request()).isEqualTo("POST /v1/memories");
    assertThat(refused.problem())
        .contains(
            new Problem(
                "about:blank",
                "Unprocessable Entity",
                422,
                "must not be blank",
                "contextId",
                "/v1/memories"));
    assertThat(refused.field()).contains("contextId");
    assertThat(refused).hasMessage("POST /v1/memories answered 422: must not be blank (contextId)");
  }

  @Test
  void aRefusalWithoutProblemJsonKeepsItsBody() {
    api.answers(502, "text/html", "<html>bad gateway</html>");

    AgentOsApiException refused =
        catchThrowableOfType(AgentOsApiException.class, () -> client.queries().memory("m1"));

    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.problem()).isEmpty();
    assertThat(refused.body()).isEqualTo("<html>bad gateway</html>");
  }

  @Test
  void aNotFoundSaysSo() {
    api.answers(
        404,
        "application/problem+json",
        "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"nothing with this id\"}");

    AgentOsApiException refused =
        catchThrowableOfType(AgentOsApiException.class, () -> client.queries().history("m1"));

    assertThat(refused.isNotFound()).isTrue();
    assertThat(refused.detail()).contains("nothing with this id");
  }

  @Test
  void anIngestWithRejectedEventsIsAnAnswerNotAnError() {
    api.answers(
        422,
        "{\"accepted\":0,\"rejected\":1,\"failed\":0,\"results\":[{\"index\":0,"
            + "\"status\":\"rejected\",\"errors\":[{\"field\":\"type\",\"reason\":\"unknown\"}]}]}");

    IngestResult result = client.commands().ingest(List.of(Map.of("type", "Nope")));

    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.results().get(0).errors())
        .containsExactly(new IngestResult.FieldError("type", "unknown"));
  }

  @Test
  void anIngestKafkaDidNotAcknowledgeIsAnError() {
    api.answers(
        503,
        "application/problem+json",
        "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Kafka is unavailable\","
            + "\"accepted\":0,\"results\":[]}");

    AgentOsApiException refused =
        catchThrowableOfType(
            AgentOsApiException.class,
            () -> client.commands().ingest(List.of(Map.of("type", "MetricRecorded"))));

    assertThat(refused.status()).isEqualTo(503);
  }

  @Test
  void aRawCallSendsItsBodyAsGivenAndReturnsAnyStatus() {
    api.answers(400, "application/problem+json", "{\"title\":\"Bad Request\",\"status\":400}");

    RawAnswer answer = client.commands().raw().send("POST", "/v1/memories", "{\"a\":1}{");

    assertThat(api.last().body()).isEqualTo("{\"a\":1}{");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer aos_test");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("title").asText()).isEqualTo("Bad Request");
  }

  @Test
  void aRawJsonCallKeepsNullsOfAMap() throws Exception {
    api.answers(200, "{}");
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("content", null);

    client.commands().raw().patch("/v1/memories/m1", body);

    JsonNode sent = JSON.readTree(api.last().body());
    assertThat(sent.has("content")).isTrue();
    assertThat(sent.get("content").isNull()).isTrue();
  }

  @Test
  void aMemoryIsReadWithItsInstants() {
    api.answers(
        200,
        "{\"id\":\"m1\",\"type\":\"FACT\",\"content\":\"c\",\"tags\":[\"a\"],\"confidence\":0.5,"
            + "\"state\":\"ACTIVE\",\"createdAt\":\"2026-01-02T03:04:05Z\",\"version\":2}");

    Memory memory = client.queries().memoryAsOf("m1", Instant.parse("2026-01-03T00:00:00Z"));

    assertThat(api.last().uri()).isEqualTo("/v1/memories/m1?asOf=2026-01-03T00%3A00%3A00Z");
    assertThat(memory.version()).isEqualTo(2);
    assertThat(memory.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void aClientWithoutAQueryUrlSaysWhatIsMissing() {
    AgentOsClient commandsOnly = AgentOsClient.builder().commandUrl(api.url()).build();

    IllegalStateException missing =
        catchThrowableOfType(IllegalStateException.class, commandsOnly::queries);

    assertThat(missing).hasMessageContaining("no query URL");
  }

  @Test
  void aReplayIsStartedOnTheProjectionsAndAnOlderProgressWithoutFinishedIsDoneWhenCaughtUp() {
    AgentOsClient admin =
        AgentOsClient.builder().projectionsUrl(api.url()).apiKey("aos_admin").build();
    api.answers(
        202,
        "{\"readModel\":\"memory-search\",\"processor\":\"p\",\"caughtUp\":true,"
            + "\"recordsRead\":12,\"replayStartedAt\":\"2026-01-02T03:04:05Z\"}");

    var progress = admin.replays().start("memory-search");

    assertThat(api.last().method()).isEqualTo("POST");
    assertThat(api.last().uri()).isEqualTo("/admin/replay/memory-search");
    assertThat(api.last().header("Authorization")).isEqualTo("Bearer aos_admin");
    assertThat(progress.recordsRead()).isEqualTo(12);
    assertThat(progress.isDone()).isTrue();
  }
}
