package dev.agentos.command.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.it.ApiClient;

/** What every refusal of the command API must look like, however hostile the request. */
final class Problems {

  /** Text that would tell a client about the implementation instead of its request. */
  private static final String[] INTERNALS = {
    "dev.agentos", "java.", "jakarta.", "com.fasterxml", "FAIL_ON", "`", "<html", "Exception"
  };

  private Problems() {}

  /** A problem+json answer of {@code status} that names no Java class or library setting. */
  static void assertProblem(ApiClient.Response answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .as(answer.toString())
        .startsWith("application/problem+json");
    assertThat(answer.json().get("status").asInt()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.raw().body()).as(answer.toString()).doesNotContain(INTERNALS);
  }

  /** A 422 problem whose {@code field} names what is wrong. */
  static void assertInvalidField(ApiClient.Response answer, String field) {
    assertProblem(answer, 422);
    assertThat(answer.json().path("field").asText()).as(answer.toString()).isEqualTo(field);
  }
}
