package dev.agentos.flink.prediction;

import java.util.Arrays;

/**
 * One training example: the inputs a model would have seen when its subject was requested or
 * proposed (nothing later leaks in), and whether the subject succeeded in the end.
 *
 * @param tenantId tenant whose history it comes from; models are trained per tenant
 * @param target what is predicted
 * @param subjectId the execution or suggestion
 * @param requestedAtMillis event time of the request or proposal: examples are split into training
 *     and evaluation by it, so the evaluation is always later than everything trained on
 * @param features the inputs, in the order of {@link RequestFeatures#names(PredictionTarget)}
 * @param succeeded the label
 */
public record Example(
    String tenantId,
    PredictionTarget target,
    String subjectId,
    long requestedAtMillis,
    double[] features,
    boolean succeeded) {

  @Override
  public boolean equals(Object other) {
    return other instanceof Example that
        && tenantId.equals(that.tenantId)
        && target == that.target
        && subjectId.equals(that.subjectId)
        && requestedAtMillis == that.requestedAtMillis
        && Arrays.equals(features, that.features)
        && succeeded == that.succeeded;
  }

  @Override
  public int hashCode() {
    return 31 * subjectId.hashCode() + Arrays.hashCode(features);
  }

  @Override
  public String toString() {
    return target
        + " "
        + subjectId
        + " at "
        + requestedAtMillis
        + " "
        + Arrays.toString(features)
        + (succeeded ? " succeeded" : " failed");
  }
}
