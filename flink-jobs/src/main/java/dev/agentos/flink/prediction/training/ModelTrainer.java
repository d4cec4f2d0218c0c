package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.model.TrainedModel;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains one tenant's model of one target: gradient-boosted trees (XGBoost, {@code
 * binary:logistic}) on the earlier 80 % of its examples by event time, scored on the latest 20 %.
 * Deterministic: the same examples, in any order, give the same model byte for byte (fixed seed,
 * one thread, examples sorted by time).
 */
public final class ModelTrainer {

  public static final String ALGORITHM = "xgboost-binary-logistic";

  /** Fewer examples than this say too little to train on and too little to judge a model by. */
  public static final int MIN_EXAMPLES = 100;

  /** The latest share of the examples, in event time, held out to evaluate the model. */
  public static final double EVALUATION_SHARE = 0.2;

  /** Boosting rounds; with {@code eta} 0.1, enough to fit a few features' signal. */
  static final int ROUNDS = 100;

  /**
   * Small-data settings: shallow trees, a learning rate of 0.1, at least 5 examples' weight per
   * leaf and a random 80 % of rows and columns per tree, so a few hundred examples do not end in
   * memorized noise. One thread and a fixed seed, so training is repeatable anywhere (XGBoost's
   * histograms sum in another order with another thread count). NaN is a missing input.
   */
  static final Map<String, Object> PARAMETERS =
      Map.of(
          "objective",
          "binary:logistic",
          "tree_method",
          "hist",
          "max_depth",
          4,
          "eta",
          0.1,
          "min_child_weight",
          5,
          "subsample",
          0.8,
          "colsample_bytree",
          0.8,
          "seed",
          7,
          "nthread",
          1);

  private final List<String> featureNames;

  /**
   * @param featureNames the inputs every example carries, in order; stored with the model
   */
  public ModelTrainer(List<String> featureNames) {
    this.featureNames = List.copyOf(featureNames);
  }

  /** Trains on {@code examples}, all of {@code tenantId} and {@code target}, or says why not. */
  public TrainingOutcome train(String tenantId, PredictionTarget target, List<Example> examples) {
    for (Example example : examples) {
      if (!example.tenantId().equals(tenantId) || example.target() != target) {
        throw new IllegalArgumentException("not an example of " + tenantId + " " + target);
      }
      if (example.features().length != featureNames.size()) {
        throw new IllegalArgumentException(
            example.subjectId()
                + " has "
                + example.features().length
                + " features, not "
                + featureNames.size());
      }
    }
    String refusal = refusal(examples);
    if (refusal != null) {
      return new TrainingOutcome.Refused(tenantId, target, refusal);
    }
    TimeSplit split = TimeSplit.of(examples, EVALUATION_SHARE);
    refusal = refusal(split);
    if (refusal != null) {
      return new TrainingOutcome.Refused(tenantId, target, refusal);
    }
    byte[] artifact = fit(split.training());
    List<Example> evaluation = split.evaluation();
    Evaluation scores;
    try (TrainedModel model = TrainedModel.fromBytes(artifact)) {
      // Scored through the stored bytes, as the serving job will load them.
      float[] predicted = model.predictAll(features(evaluation));
      double[] probabilities = new double[predicted.length];
      boolean[] succeeded = new boolean[predicted.length];
      for (int i = 0; i < predicted.length; i++) {
        probabilities[i] = predicted[i];
        succeeded[i] = evaluation.get(i).succeeded();
      }
      scores = Evaluation.of(probabilities, succeeded);
    }
    return new TrainingOutcome.Trained(
        tenantId,
        target,
        artifact,
        split.training().size(),
        evaluation.size(),
        (double) split.training().stream().filter(Example::succeeded).count()
            / split.training().size(),
        split.training().get(0).requestedAtMillis(),
        split.evaluationStartMillis(),
        evaluation.get(evaluation.size() - 1).requestedAtMillis(),
        scores);
  }

  private static String refusal(List<Example> examples) {
    if (examples.size() < MIN_EXAMPLES) {
      return examples.size()
          + " examples ("
          + outcomes(examples)
          + "); training needs at least "
          + MIN_EXAMPLES;
    }
    return null;
  }

  private static String refusal(TimeSplit split) {
    if (split.training().isEmpty()) {
      return "every example has the same event time, so none is earlier than the evaluation";
    }
    String training = lacking(split.training());
    String evaluation = lacking(split.evaluation());
    if (training == null && evaluation == null) {
      return null;
    }
    return "the earlier "
        + split.training().size()
        + " examples (for training: "
        + outcomes(split.training())
        + ") and the latest "
        + split.evaluation().size()
        + " (for evaluation: "
        + outcomes(split.evaluation())
        + ") must each hold successes and failures; "
        + (training != null ? "the earlier lack " + training : "the latest lack " + evaluation);
  }

  private static String lacking(List<Example> examples) {
    long successes = examples.stream().filter(Example::succeeded).count();
    return successes == 0 ? "successes" : successes == examples.size() ? "failures" : null;
  }

  private static String outcomes(List<Example> examples) {
    long successes = examples.stream().filter(Example::succeeded).count();
    return successes + " succeeded, " + (examples.size() - successes) + " failed";
  }

  private byte[] fit(List<Example> training) {
    float[] labels = new float[training.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = training.get(i).succeeded() ? 1 : 0;
    }
    DMatrix matrix = null;
    Booster booster = null;
    try {
      matrix =
          new DMatrix(dense(features(training)), training.size(), featureNames.size(), Float.NaN);
      matrix.setLabel(labels);
      matrix.setFeatureNames(featureNames.toArray(String[]::new));
      booster = XGBoost.train(matrix, PARAMETERS, ROUNDS, Map.of(), null, null);
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not train: " + e.getMessage(), e);
    } finally {
      if (booster != null) {
        booster.dispose();
      }
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }

  private static double[][] features(List<Example> examples) {
    return examples.stream().map(Example::features).toArray(double[][]::new);
  }

  private float[] dense(double[][] rows) {
    int columns = featureNames.size();
    float[] data = new float[rows.length * columns];
    for (int row = 0; row < rows.length; row++) {
      for (int column = 0; column < columns; column++) {
        data[row * columns + column] = (float) rows[row][column];
      }
    }
    return data;
  }
}
