package dev.agentos.readmodels.predictions;

/**
 * What a prediction is of: an execution (its {@code ExecutionCompleted} says how it turned out), or
 * a suggestion predicted by itself (its {@code VerificationCompleted} says). A prediction of an
 * execution that exercises a suggestion is the execution's: its outcome is the run's.
 *
 * @param kind which of the two
 * @param id the execution's or suggestion's id, unique within the tenant
 */
public record PredictionSubject(Kind kind, String id) {

  public enum Kind {
    EXECUTION,
    SUGGESTION
  }

  public PredictionSubject {
    if (kind == null || id == null || id.isBlank()) {
      throw new IllegalArgumentException("a subject has a kind and an id, was " + kind + " " + id);
    }
  }

  public static PredictionSubject execution(String executionId) {
    return new PredictionSubject(Kind.EXECUTION, executionId);
  }

  public static PredictionSubject suggestion(String suggestionId) {
    return new PredictionSubject(Kind.SUGGESTION, suggestionId);
  }
}
