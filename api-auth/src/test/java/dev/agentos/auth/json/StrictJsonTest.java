package dev.agentos.auth.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** What a body means under {@link StrictJson}, and what {@link JsonProblems} answers for it. */
class StrictJsonTest {

  enum Kind {
    FACT,
    DECISION
  }

  record Body(
      String name,
      Integer count,
      Long total,
      Double weight,
      Boolean flag,
      Kind kind,
      List<String> tags,
      Map<String, String> metadata,
      Instant at) {}

  private final ObjectMapper mapper = strictMapper();

  private static ObjectMapper strictMapper() {
    Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
    new StrictJson().strictJsonReading().customize(builder);
    return builder.build();
  }

  @Test
  void aWellFormedBodyReadsAsBefore() throws Exception {
    Body body =
        mapper.readValue(
            """
            {"name": "n \\ud83d\\ude00", "count": 2, "total": 3, "weight": 0.5, "flag": true,
             "kind": "FACT", "tags": ["a"], "metadata": {"k": "v"}, "at": "2026-05-01T12:00:00Z"}
            """,
            Body.class);

    assertThat(body.name()).isEqualTo("n \uD83D\uDE00");
    assertThat(body.count()).isEqualTo(2);
    assertThat(body.weight()).isEqualTo(0.5);
    assertThat(body.at()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
  }

  @Test
  void valuesOfTheWrongKindAre422NamingTheField() {
    assertRefused("{\"weight\": \"0.5\"}", "weight");
    assertRefused("{\"count\": \"5\"}", "count");
    assertRefused("{\"count\": 1.5}", "count");
    assertRefused("{\"total\": 99999999999999999999}", "total");
    assertRefused("{\"flag\": \"true\"}", "flag");
    assertRefused("{\"flag\": 1}", "flag");
    assertRefused("{\"kind\": 0}", "kind");
    assertRefused("{\"kind\": \"\"}", "kind");
    assertRefused("{\"name\": 42}", "name");
    assertRefused("{\"name\": true}", "name");
    assertRefused("{\"tags\": [\"a\", 1]}", "tags[1]");
    assertRefused("{\"metadata\": {\"k\": 1}}", "metadata.k");
    assertRefused("{\"unknown\": 1}", "unknown");
  }

  @Test
  void textWithANulOrHalfASurrogatePairIs422NamingTheField() {
    assertRefused("{\"name\": \"a\\u0000b\"}", "name");
    assertRefused("{\"name\": \"half \\ud83d of a pair\"}", "name");
    assertRefused("{\"name\": \"\\ude00 low first\"}", "name");
    assertRefused("{\"name\": \"ends high \\ud83d\"}", "name");
    assertRefused("{\"tags\": [\"ok\", \"\\udc00\"]}", "tags[1]");
    assertRefused("{\"metadata\": {\"k\": \"\\u0000\"}}", "metadata.k");
    assertThat(refusal("{\"metadata\": {\"\\ud800\": \"v\"}}", Body.class).getProperties())
        .containsEntry("field", "metadata");
  }

  @Test
  void aTreeIsCheckedToo() {
    ProblemDetail problem =
        refusal(
            "{\"events\": [{\"content\": \"ok\"}, {\"content\": \"\\ud800\"}]}", JsonNode.class);

    assertThat(problem.getStatus()).isEqualTo(422);
    assertThat(problem.getProperties()).containsEntry("field", "events[1].content");
    assertThat(refusal("{\"a\": {\"b\\u0000\": 1}}", JsonNode.class).getProperties())
        .containsEntry("field", "a.b\u0000");
  }

  @Test
  void anInstantAnEventCannotHoldIs422() {
    assertRefused("{\"at\": \"+1000000000-01-01T00:00:00Z\"}", "at");
    assertRefused("{\"at\": \"-1000000000-01-01T00:00:00Z\"}", "at");
  }

  @Test
  void whatIsNotOneJsonObjectIs400() {
    for (String body :
        List.of(
            "{\"name\": \"n\"} trailing",
            "{\"name\": \"n\"} {\"name\": \"m\"}",
            "{\"name\": \"a\", \"name\": \"b\"}",
            "[]",
            "\"text\"",
            "{",
            "[".repeat(5000) + "]".repeat(5000))) {
      ProblemDetail problem = refusal(body, Body.class);
      assertThat(problem.getStatus()).as(body).isEqualTo(400);
      assertNoInternals(problem);
    }
    assertThat(refusal("{\"a\": 1, \"a\": 2}", JsonNode.class).getStatus()).isEqualTo(400);
  }

  private void assertRefused(String json, String field) {
    ProblemDetail problem = refusal(json, Body.class);
    assertThat(problem.getStatus()).as(json + ": " + problem).isEqualTo(422);
    assertThat(problem.getProperties()).as(json).containsEntry("field", field);
    assertThat(problem.getDetail()).as(json).startsWith(field + ": ");
    assertNoInternals(problem);
  }

  private ProblemDetail refusal(String json, Class<?> type) {
    Throwable failure = catchThrowable(() -> mapper.readValue(json, type));
    assertThat(failure).as(json).isNotNull();
    return JsonProblems.describe(failure);
  }

  private static void assertNoInternals(ProblemDetail problem) {
    assertThat(problem.getDetail())
        .doesNotContain("dev.agentos", "java.", "com.fasterxml", "FAIL_ON", "`", "Body");
  }
}
