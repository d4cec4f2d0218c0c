package dev.agentos.flink.prediction;

/**
 * What a model predicts, one model per target and tenant: whether a requested execution will
 * succeed, or whether a proposed suggestion will pass its verification.
 */
public enum PredictionTarget {
  /** An {@code ExecutionRequested}; it succeeded when it exited 0 within its wall timeout. */
  EXECUTION_SUCCESS("execution-success"),
  /** A {@code CodeSuggestionProposed}; it succeeded when its verification's verdict was PASSED. */
  SUGGESTION_VERIFICATION("suggestion-verification");

  private final String modelName;

  PredictionTarget(String modelName) {
    this.modelName = modelName;
  }

  /** The name its models carry in {@code ModelTrained} and {@code PredictionMade}. */
  public String modelName() {
    return modelName;
  }

  /** The target of the model named {@code modelName}. */
  public static PredictionTarget ofModel(String modelName) {
    for (PredictionTarget target : values()) {
      if (target.modelName.equals(modelName)) {
        return target;
      }
    }
    throw new IllegalArgumentException("no model is named " + modelName);
  }
}
