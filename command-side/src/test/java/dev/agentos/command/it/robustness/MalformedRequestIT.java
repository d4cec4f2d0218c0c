package dev.agentos.command.it.robustness;

import static dev.agentos.command.it.robustness.Problems.assertInvalidField;
import static dev.agentos.command.it.robustness.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.it.ApiClient;
import dev.agentos.command.it.CommandSideExtension;
import dev.agentos.command.it.RunningCommandSide;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed, careless and hostile requests to the command API: each is refused with a problem+json
 * answer that names the field (and no Java class or library setting), and nothing is stored for it.
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class MalformedRequestIT {

  private RunningCommandSide app;
  private ApiClient admin;
  private String contextId;

  @BeforeEach
  void context(RunningCommandSide app) {
    this.app = app;
    this.admin = app.admin();
    var created = admin.post("/v1/contexts", Map.of("name", "robustness-" + UUID.randomUUID()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    contextId = created.json().get("id").asText();
  }

  @Test
  void aNulInAContextNameOrAnIdIs422NamingTheField() {
    String newContext = "ctx-" + UUID.randomUUID();
    assertInvalidField(
        admin.post("/v1/contexts", "{\"contextId\":\"" + newContext + "\",\"name\":\"a\\u0000b\"}"),
        "name");
    assertInvalidField(
        admin.post(
            "/v1/contexts",
            "{\"contextId\":\""
                + newContext
                + "\",\"name\":\"n\",\"parentContextId\":\"p\\u0000\"}"),
        "parentContextId");
    assertThat(events(newContext)).isZero();

    String memoryId = newId();
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"contextId\":\"c\\u0000x\"")), "contextId");
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void anExpiryBeyondWhatAnEventCanHoldIs422NamingTheField() {
    String memoryId = newId();
    assertInvalidField(
        admin.post(
            "/v1/memories", memory(memoryId, "\"expiresAt\":\"+1000000000-01-01T00:00:00Z\"")),
        "expiresAt");
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void aSessionOrTraceIdThatIsNotAnIdIs422NamingTheHeader() {
    for (String header : new String[] {"X-Session-Id", "X-Trace-Id"}) {
      for (String value : new String[] {"a b c", "..", "x".repeat(7000), "-leading", "ü"}) {
        String memoryId = newId();
        var refused =
            admin.send("POST", "/v1/memories", memory(memoryId, ""), Map.of(header, value));
        assertInvalidField(refused, header);
        assertThat(events(memoryId)).isZero();
      }
    }
    var pathSession = admin.put("/v1/sessions/a%20b%20c/context", Map.of("contextId", contextId));
    assertInvalidField(pathSession, "sessionId");
    assertThat(events("a b c")).isZero();
    assertInvalidField(
        admin.put("/v1/sessions/" + "s".repeat(200) + "/context", Map.of("contextId", contextId)),
        "sessionId");
    var accepted =
        admin.send(
            "POST",
            "/v1/memories",
            memory(newId(), ""),
            Map.of("X-Session-Id", "session-42", "X-Trace-Id", "00-4bf92f35-01"));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
  }

  @Test
  void aBodyOverTheLimitIs413WithOrWithoutALength() {
    String memoryId = newId();
    String huge = memory(memoryId, "\"tags\":[\"" + "x".repeat(6 * 1024 * 1024) + "\"]");
    byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);

    assertProblem(admin.postChunked("/v1/memories", bytes), 413);
    assertProblem(admin.post("/v1/memories", huge), 413);
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void wrongTypesAndShapesAreRefusedWithoutNamingJavaClasses() {
    assertProblem(admin.post("/v1/memories", "[]"), 400);
    assertProblem(admin.post("/v1/memories", "\"a memory\""), 400);
    assertProblem(admin.post("/v1/memories", "{"), 400);
    String memoryId = newId();
    assertInvalidField(admin.post("/v1/memories", memory(memoryId, "\"tags\":{\"a\":1}")), "tags");
    assertInvalidField(admin.post("/v1/memories", memory(memoryId, "\"content\":{}")), "content");
    assertInvalidField(admin.post("/v1/memories", memory(memoryId, "\"type\":\"NOPE\"")), "type");
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void numbersAreNumbersAndIntegersAreWhole() {
    String memoryId = newId();
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"confidence\":\"0.5\"")), "confidence");
    assertInvalidField(admin.post("/v1/memories", memory(memoryId, "\"type\":0")), "type");
    assertInvalidField(admin.post("/v1/memories", memory(memoryId, "\"content\":42")), "content");
    assertThat(events(memoryId)).isZero();

    String executionId = newId();
    String execution =
        "{\"executionId\":\""
            + executionId
            + "\",\"language\":\"python\",\"code\":\"print(1)\","
            + "\"limits\":{\"cpuTimeMs\":%s}}";
    assertInvalidField(
        admin.post("/v1/executions", execution.formatted("1.5")), "limits.cpuTimeMs");
    assertInvalidField(
        admin.post("/v1/executions", execution.formatted("\"1000\"")), "limits.cpuTimeMs");
    assertInvalidField(
        admin.post("/v1/executions", execution.formatted("99999999999999999999")),
        "limits.cpuTimeMs");
    assertThat(events(executionId)).isZero();
  }

  @Test
  void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
    String memoryId = newId();
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"content\":\"half \\ud83d of a pair\"")),
        "content");
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"tags\":[\"ok\",\"\\udc00\"]")), "tags[1]");
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"metadata\":{\"\\ud800\":\"v\"}")),
        "metadata");
    assertThat(events(memoryId)).isZero();
    var pair =
        admin.post(
            "/v1/memories", memory(newId(), "\"content\":\"a pair \\ud83d\\ude00 is fine\""));
    assertThat(pair.status()).as(pair.toString()).isEqualTo(201);
  }

  @Test
  void anythingAfterTheJsonValueOrAKeyTwiceIsMalformed() {
    String memoryId = newId();
    assertProblem(admin.post("/v1/memories", memory(memoryId, "") + " {\"more\":1}"), 400);
    assertProblem(admin.post("/v1/memories", memory(memoryId, "") + "garbage"), 400);
    assertProblem(
        admin.post("/v1/memories", memory(memoryId, "\"content\":\"a\",\"content\":\"b\"")), 400);
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void deeplyNestedJsonIsRefusedNotAnInternalError() {
    String memoryId = newId();
    int depth = 5000;
    String nested = "[".repeat(depth) + "]".repeat(depth);
    // A typed field stops reading at the first value of the wrong shape; a tree reads it all.
    assertInvalidField(
        admin.post("/v1/memories", memory(memoryId, "\"metadata\":{\"k\":" + nested + "}")),
        "metadata.k");
    assertProblem(admin.post("/v1/events", "{\"events\":[" + nested + "]}"), 400);
    assertThat(events(memoryId)).isZero();
  }

  @Test
  void aWrongContentTypeMethodOrPathIsProblemJson() {
    var plain = admin.send("POST", "/v1/memories", null, Map.of("Content-Type", "text/plain"));
    assertProblem(plain, 415);
    assertProblem(admin.send("PUT", "/v1/memories", "{}", Map.of()), 405);
    assertProblem(admin.get("/v1/no-such-thing"), 404);
    assertProblem(
        admin.send(
            "POST",
            "/v1/memories",
            memory(newId(), "\"content\":\"\""),
            Map.of("Accept", "text/html")),
        422);
  }

  @Test
  void whatTomcatRefusesBeforeTheApplicationIsProblemJsonToo() {
    assertProblem(admin.get("/v1/memories/a%2Fb"), 400);
    assertProblem(admin.get("/v1/memories/a%00b"), 400);
    assertProblem(admin.get("/v1/memories/x?q=" + "a".repeat(100_000)), 400);
    assertProblem(
        admin.send("GET", "/v1/memories/x", null, Map.of("X-Big", "b".repeat(64 * 1024))), 400);
  }

  @Test
  void headersSmugglingLinesOrControlCharactersAreRefusedAsProblemJson() throws IOException {
    for (String header :
        List.of(
            "X-Session-Id: a\rX-Trace-Id: injected",
            "X-Session-Id: a\u0000b",
            "X-Session-Id: a\r\n b",
            "X-Session-Id: s1\r\nX-Session-Id: s2",
            "X-Session-Id: \u00e9t\u00e9")) {
      String answer =
          raw(
              "POST /v1/memories HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + app.adminKey()
                  + "\r\n"
                  + header
                  + "\r\nContent-Type: application/json\r\nContent-Length: 2"
                  + "\r\nConnection: close\r\n\r\n{}");
      assertThat(answer).as(header).matches("(?s)HTTP/1\\.1 4(00|22) .*");
      assertThat(answer.toLowerCase(Locale.ROOT))
          .as(header)
          .contains("content-type: application/problem+json")
          .doesNotContain("<html", "injected");
    }
  }

  @Test
  void oneEventIdTwiceInABatchWithOtherContentRefusesTheSecond() {
    String eventId = UUID.randomUUID().toString();
    String turn =
        "{\"type\":\"ConversationTurnRecorded\",\"eventId\":\""
            + eventId
            + "\","
            + "\"turnId\":\"t1\",\"turnIndex\":%d,\"role\":\"USER\",\"content\":\"%s\"}";
    var answer =
        admin.post(
            "/v1/events",
            "{\"events\":["
                + turn.formatted(1, "first")
                + ","
                + turn.formatted(2, "second")
                + "]}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(207);
    var results = answer.json().get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(1).get("status").asText()).isEqualTo("rejected");
    assertThat(results.get(1).get("errors").get(0).get("field").asText())
        .isEqualTo("events[1].eventId");
    assertThat(results.get(1).get("errors").get(0).get("reason").asText()).contains("events[0]");
  }

  @Test
  void rawIngestParsesAsStrictlyAsTheApi() {
    String turn =
        "{\"type\":\"ConversationTurnRecorded\",\"turnId\":\"t1\",\"turnIndex\":1,"
            + "\"role\":\"USER\",\"content\":\"%s\"}";
    assertProblem(
        admin.post("/v1/events", "{\"events\":[" + turn.formatted("ok") + "]} trailing"), 400);
    var surrogate = admin.post("/v1/events", "{\"events\":[" + turn.formatted("\\ud800") + "]}");
    assertThat(surrogate.status()).as(surrogate.toString()).isEqualTo(422);
    assertThat(surrogate.raw().body()).contains("events[0].content");
  }

  /** A memory body with {@code extra} fields, and a valid one of each field extra has not. */
  private String memory(String memoryId, String extra) {
    StringBuilder body = new StringBuilder("{\"memoryId\":\"" + memoryId + "\"");
    Map.of("contextId", "\"" + contextId + "\"", "content", "\"robust\"", "type", "\"FACT\"")
        .forEach(
            (field, value) -> {
              if (!extra.contains("\"" + field + "\"")) {
                body.append(",\"").append(field).append("\":").append(value);
              }
            });
    return body.append(extra.isEmpty() ? "" : "," + extra).append("}").toString();
  }

  /** Sends {@code request} as raw bytes (ISO-8859-1), as no HTTP client library would. */
  private String raw(String request) throws IOException {
    URI base = URI.create(app.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** How many events the item of this id has in the app's tenant (its stream id's). */
  private long events(String id) {
    return app.events(id).size();
  }

  private static String newId() {
    return "m-" + UUID.randomUUID();
  }
}
