package dev.agentos.projections.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.readmodels.predictions.Prediction;
import dev.agentos.readmodels.predictions.PredictionOutcome;
import dev.agentos.readmodels.predictions.PredictionOutcome.Result;
import dev.agentos.readmodels.predictions.PredictionSubject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What is written of each event: a prediction's row under its subject, and the outcome labels the
 * training job uses, with the platform's own failures UNKNOWN.
 */
class PredictionRowsTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
  private final PredictionEvents events = new PredictionEvents("t1", "p1");

  @Test
  void anExecutionsPredictionIsTheExecutionsEvenWhenItExercisesASuggestion() {
    PredictionMade made = events.ofExecution("e1", "v2", ModelRole.CHALLENGER, 0.25f, AT);

    PredictionWrite write = PredictionRows.of(made);

    assertThat(write.subject()).isEqualTo(PredictionSubject.execution("e1"));
    Prediction p = ((PredictionWrite.Predicted) write).prediction();
    assertThat(p.suggestionId()).isEqualTo("s-of-e1");
    assertThat(p.role()).isEqualTo("CHALLENGER");
    assertThat(p.successProbability()).isEqualTo(0.25f);
    assertThat(p.predictedAt()).isEqualTo(AT);
    assertThat(p.eventId()).isEqualTo(made.getHeader().getEventId());
    assertThat(p.features()).containsEntry("session.retries", 2.0);
  }

  @Test
  void aSuggestionsOwnPredictionIsTheSuggestions() {
    PredictionWrite write =
        PredictionRows.of(events.ofSuggestion("s1", "v1", ModelRole.CHAMPION, 0.9f, AT));

    assertThat(write.subject()).isEqualTo(PredictionSubject.suggestion("s1"));
    assertThat(write.tenantId()).isEqualTo("t1");
    assertThat(write.projectId()).isEqualTo("p1");
  }

  @Test
  void aPredictionOfNothingIsRefused() {
    PredictionMade nothing = events.ofSuggestion("s1", "v1", ModelRole.CHAMPION, 0.9f, AT);
    nothing.setSuggestionId(null);

    assertThatThrownBy(() -> PredictionRows.of(nothing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(nothing.getPredictionId());
  }

  @Test
  void anExecutionSucceededWhenItExitedZeroWithinItsTimeout() {
    assertThat(outcome(ExecutionOutcome.SUCCEEDED, 0, false))
        .isEqualTo(new Expected(Result.SUCCEEDED, "SUCCEEDED exit 0"));
    assertThat(outcome(ExecutionOutcome.FAILED, 1, false))
        .isEqualTo(new Expected(Result.FAILED, "FAILED exit 1"));
    assertThat(outcome(ExecutionOutcome.TIMED_OUT, 0, true))
        .isEqualTo(new Expected(Result.FAILED, "TIMED_OUT exit 0"));
    assertThat(outcome(ExecutionOutcome.LIMIT_EXCEEDED, null, false))
        .isEqualTo(new Expected(Result.FAILED, "LIMIT_EXCEEDED"));
  }

  @Test
  void aSandboxErrorIsThePlatformsAndLeavesTheOutcomeUnknown() {
    assertThat(outcome(ExecutionOutcome.SANDBOX_ERROR, 0, false))
        .isEqualTo(new Expected(Result.UNKNOWN, "SANDBOX_ERROR"));
  }

  @Test
  void aSuggestionsOutcomeIsItsVerificationsVerdictAnErrorUnknown() {
    assertThat(verdict(VerificationVerdict.PASSED)).isEqualTo(Result.SUCCEEDED);
    assertThat(verdict(VerificationVerdict.FAILED)).isEqualTo(Result.FAILED);
    assertThat(verdict(VerificationVerdict.ERROR)).isEqualTo(Result.UNKNOWN);
    PredictionWrite write =
        PredictionRows.of(events.verified("s1", VerificationVerdict.PASSED, AT));
    assertThat(write.subject()).isEqualTo(PredictionSubject.suggestion("s1"));
    assertThat(((PredictionWrite.Resolved) write).outcome().at()).isEqualTo(AT);
  }

  private record Expected(Result result, String detail) {}

  private Expected outcome(ExecutionOutcome outcome, Integer exit, boolean timedOut) {
    PredictionWrite write = PredictionRows.of(events.completed("e1", outcome, exit, timedOut, AT));
    assertThat(write.subject()).isEqualTo(PredictionSubject.execution("e1"));
    PredictionOutcome o = ((PredictionWrite.Resolved) write).outcome();
    return new Expected(o.result(), o.detail());
  }

  private Result verdict(VerificationVerdict verdict) {
    return ((PredictionWrite.Resolved) PredictionRows.of(events.verified("s1", verdict, AT)))
        .outcome()
        .result();
  }
}
