package dev.agentos.query.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.query.it.QueryClient;

/** What every refusal of the query API must look like: problem+json about the request only. */
public final class QueryProblems {

  private static final String[] INTERNALS = {
    "dev.agentos", "java.", "com.fasterxml", "FAIL_ON", "`", "<html", "Exception"
  };

  private QueryProblems() {}

  public static void assertProblem(QueryClient.Response answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .as(answer.toString())
        .startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.body()).as(answer.toString()).doesNotContain(INTERNALS);
  }

  public static void assertInvalidField(QueryClient.Response answer, String field) {
    assertProblem(answer, 422);
    assertThat(answer.json().path("field").asText()).as(answer.toString()).isEqualTo(field);
  }
}
