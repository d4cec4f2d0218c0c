package dev.agentos.flink.prediction.training;

import dev.agentos.events.derived.CalibrationBin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How well predicted probabilities of success matched what happened, on examples the model was not
 * trained on.
 *
 * @param examples how many examples were scored
 * @param auc the chance that a random success was given a higher probability than a random failure
 *     (ties count half): 0.5 is guessing, 1 a perfect ranking
 * @param logLoss mean negative log-likelihood of the outcomes, probabilities clipped to [{@value
 *     #CLIP}, 1 - {@value #CLIP}] so one confident mistake costs a lot but not infinity
 * @param brier mean squared difference between the probability and the outcome (1 or 0)
 * @param baseRate share of the examples that succeeded
 * @param meanPredicted mean predicted probability; far from {@code baseRate} means miscalibrated
 * @param calibration {@value #BINS} bins of equal width over [0, 1], each with the examples whose
 *     probability fell in it; bins without any example are left out, so every bin has a mean
 */
public record Evaluation(
    int examples,
    double auc,
    double logLoss,
    double brier,
    double baseRate,
    double meanPredicted,
    List<CalibrationBin> calibration) {

  public static final double CLIP = 1e-15;
  public static final int BINS = 10;

  public Evaluation {
    calibration = List.copyOf(calibration);
  }

  /**
   * Scores {@code predicted} probabilities against the {@code succeeded} outcomes, index by index.
   * Needs at least one success and one failure, without which AUC means nothing.
   */
  public static Evaluation of(double[] predicted, boolean[] succeeded) {
    if (predicted.length != succeeded.length) {
      throw new IllegalArgumentException(
          predicted.length + " predictions for " + succeeded.length + " outcomes");
    }
    int n = predicted.length;
    int successes = 0;
    double logLoss = 0;
    double brier = 0;
    double predictedSum = 0;
    for (int i = 0; i < n; i++) {
      double p = predicted[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("prediction " + i + " is not a probability: " + p);
      }
      double y = succeeded[i] ? 1 : 0;
      successes += succeeded[i] ? 1 : 0;
      double clipped = Math.min(Math.max(p, CLIP), 1 - CLIP);
      logLoss -= y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped);
      brier += (p - y) * (p - y);
      predictedSum += p;
    }
    if (successes == 0 || successes == n) {
      throw new IllegalArgumentException(
          "evaluation needs successes and failures; got "
              + successes
              + " successes of "
              + n
              + " examples");
    }
    return new Evaluation(
        n,
        auc(predicted, succeeded, successes),
        logLoss / n,
        brier / n,
        (double) successes / n,
        predictedSum / n,
        calibration(predicted, succeeded));
  }

  /**
   * The log loss of predicting {@code probability} for every example: with the training slice's
   * success rate, what a model that learned nothing but the base rate would score.
   */
  public double logLossOfConstant(double probability) {
    double clipped = Math.min(Math.max(probability, CLIP), 1 - CLIP);
    return -(baseRate * Math.log(clipped) + (1 - baseRate) * Math.log(1 - clipped));
  }

  /**
   * Mann-Whitney: rank all predictions (tied ones share their mean rank), then AUC = (sum of the
   * successes' ranks - s(s+1)/2) / (s * f) for s successes and f failures.
   */
  static double auc(double[] predicted, boolean[] succeeded, int successes) {
    int n = predicted.length;
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
    double successRanks = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && predicted[order[end + 1]] == predicted[order[start]]) {
        end++;
      }
      double meanRank = (start + end) / 2.0 + 1; // ranks are 1-based
      for (int i = start; i <= end; i++) {
        successRanks += succeeded[order[i]] ? meanRank : 0;
      }
      start = end + 1;
    }
    double s = successes; // in doubles: s (s + 1) overflows an int beyond 46,340 successes
    double failures = n - s;
    return (successRanks - s * (s + 1) / 2) / (s * failures);
  }

  /** Bin i holds [i/10, (i+1)/10); the last one holds 1 as well. */
  static List<CalibrationBin> calibration(double[] predicted, boolean[] succeeded) {
    long[] counts = new long[BINS];
    double[] predictedSums = new double[BINS];
    long[] successes = new long[BINS];
    for (int i = 0; i < predicted.length; i++) {
      int bin = Math.min((int) Math.floor(predicted[i] * BINS), BINS - 1);
      counts[bin]++;
      predictedSums[bin] += predicted[i];
      successes[bin] += succeeded[i] ? 1 : 0;
    }
    List<CalibrationBin> bins = new ArrayList<>();
    for (int bin = 0; bin < BINS; bin++) {
      if (counts[bin] == 0) {
        continue;
      }
      bins.add(
          CalibrationBin.newBuilder()
              .setLower((double) bin / BINS)
              .setUpper((double) (bin + 1) / BINS)
              .setExamples(counts[bin])
              .setMeanPredicted(predictedSums[bin] / counts[bin])
              .setObservedRate((double) successes[bin] / counts[bin])
              .build());
    }
    return bins;
  }
}
