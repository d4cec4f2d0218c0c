package dev.agentos.command.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.command.it.ApiClient.Response;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;

/**
 * The check that another's item is indistinguishable from an unknown one: the same request at each
 * must answer the same status with the same problem+json body (all but {@code instance}, which is
 * the request's own path).
 */
final class SameAnswer {

  private SameAnswer() {}

  /**
   * Sends {@code attempt} at another's item and {@code control} at an unknown one: both must answer
   * {@code status} with the same problem+json body.
   */
  static void check(
      SoftAssertions softly,
      String write,
      Supplier<Response> attempt,
      Supplier<Response> control,
      int status) {
    Response refused = attempt.get();
    Response unknown = control.get();
    assertThat(unknown.status()).as("control for: " + write + " " + unknown).isEqualTo(status);
    softly.assertThat(refused.status()).as(write + ": " + refused).isEqualTo(status);
    if (refused.status() == status) {
      softly.assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      softly
          .assertThat(withoutInstance(refused.json()))
          .as(write)
          .isEqualTo(withoutInstance(unknown.json()));
    }
  }

  private static JsonNode withoutInstance(JsonNode problem) {
    ObjectNode copy = problem.deepCopy();
    copy.remove("instance");
    return copy;
  }
}
