package dev.agentos.query.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.readmodels.predictions.PredictionSubject;
import org.junit.jupiter.api.Test;

/** A predictions read names exactly one subject, and a refusal names the parameter at fault. */
class PredictionControllerTest {

  @Test
  void anExecutionOrASuggestionIsTheSubject() {
    assertThat(PredictionController.subject(" e1 ", null))
        .isEqualTo(PredictionSubject.execution("e1"));
    assertThat(PredictionController.subject("", "s1"))
        .isEqualTo(PredictionSubject.suggestion("s1"));
  }

  @Test
  void neitherIsRefusedNamingExecutionId() {
    assertThatThrownBy(() -> PredictionController.subject(null, " "))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("executionId"));
  }

  @Test
  void bothAreRefusedNamingSuggestionId() {
    assertThatThrownBy(() -> PredictionController.subject("e1", "s1"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("suggestionId"));
  }
}
