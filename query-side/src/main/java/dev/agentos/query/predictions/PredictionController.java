package dev.agentos.query.predictions;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.predictions.PredictionReader;
import dev.agentos.readmodels.predictions.PredictionSubject;
import dev.agentos.readmodels.predictions.SubjectPredictions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the prediction job predicted of an execution or a suggestion, with how it turned out once
 * known, from the predictions read model, as fresh as the {@code predictions-cassandra} projection.
 * Scoped like every learning read ({@link ProjectScope}): the key's tenant, the project asked for
 * or else the key's; another tenant's or project's execution or suggestion is 404, exactly as an
 * unknown one.
 *
 * <p>Predictions want {@code QUERY_READ}, the scope of what the query side derives.
 */
@RestController
@RequestMapping("/v1/predictions")
@Tag(name = "predictions", description = "Predicted success of executions and suggestions")
public class PredictionController {

  private final PredictionReader predictions;

  public PredictionController(PredictionReader predictions) {
    this.predictions = predictions;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "predictions",
      summary = "The predictions of an execution or a suggestion",
      description =
          "Give exactly one of executionId and suggestionId. The predictions of that execution"
              + " (or of that suggestion, predicted by itself) in the project (the request's, else"
              + " the API key's): one per model version that predicted it, champion and"
              + " challenger, with the outcome once known (SUCCEEDED, FAILED, or UNKNOWN for a"
              + " sandbox or verification error). 404 when nothing was predicted of it there,"
              + " another tenant's or project's included.")
  public SubjectPredictions predictions(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "the execution predicted") @RequestParam(required = false)
          String executionId,
      @Parameter(description = "the suggestion predicted (by itself, not through an execution)")
          @RequestParam(required = false)
          String suggestionId) {
    PredictionSubject subject = subject(executionId, suggestionId);
    String project = ProjectScope.project(caller, projectId);
    return predictions
        .of(caller.tenantId(), project, subject)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no prediction of "
                        + subject.kind().name().toLowerCase()
                        + " "
                        + subject.id()));
  }

  /** The one subject asked for; 422 naming the parameter when none or both are given. */
  static PredictionSubject subject(String executionId, String suggestionId) {
    String execution = ProjectScope.blankToNull(executionId);
    String suggestion = ProjectScope.blankToNull(suggestionId);
    if (execution != null && suggestion != null) {
      throw new InvalidQueryException("suggestionId", "give executionId or suggestionId, not both");
    }
    if (execution == null && suggestion == null) {
      throw new InvalidQueryException("executionId", "give executionId or suggestionId");
    }
    return execution != null
        ? PredictionSubject.execution(execution)
        : PredictionSubject.suggestion(suggestion);
  }
}
