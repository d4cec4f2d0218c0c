package dev.agentos.readmodels.predictions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * How a predicted subject turned out, the label its predictions are judged by. An execution
 * SUCCEEDED when it exited 0 within its wall timeout and FAILED otherwise; a suggestion SUCCEEDED
 * when its verification PASSED and FAILED when it FAILED. UNKNOWN is the platform's failure, not
 * the subject's: a sandbox error, or a verification that could not run (ERROR); it says nothing of
 * whether the prediction was right.
 */
public record PredictionOutcome(
    Result result,
    @Schema(
            description =
                "what the outcome was read from: the execution's outcome and exit code (e.g."
                    + " FAILED exit 1, SANDBOX_ERROR) or the verification's verdict (e.g. PASSED)")
        String detail,
    @Schema(description = "when the execution completed or the verification finished") Instant at,
    @Schema(description = "the eventId of the ExecutionCompleted or VerificationCompleted")
        String eventId) {

  public enum Result {
    SUCCEEDED,
    FAILED,
    UNKNOWN
  }
}
