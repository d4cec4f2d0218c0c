package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.Example;
import java.util.Comparator;
import java.util.List;

/**
 * Examples split by event time: a model is trained on the earlier ones and evaluated on the latest,
 * as it will be used (trained on the past, asked about what comes next). Every training example is
 * strictly earlier than every evaluation example: examples that share the boundary's millisecond
 * all go to the evaluation.
 *
 * @param training the earlier examples, oldest first
 * @param evaluation the later ones, oldest first; empty when every example shares one millisecond
 */
public record TimeSplit(List<Example> training, List<Example> evaluation) {

  /** Oldest first; examples of one millisecond by subject, so any input order splits alike. */
  static final Comparator<Example> BY_TIME =
      Comparator.comparingLong(Example::requestedAtMillis).thenComparing(Example::subjectId);

  public TimeSplit {
    training = List.copyOf(training);
    evaluation = List.copyOf(evaluation);
  }

  /** Holds out the latest {@code evaluationShare} of {@code examples} (at least one example). */
  public static TimeSplit of(List<Example> examples, double evaluationShare) {
    if (!(evaluationShare > 0 && evaluationShare < 1)) {
      throw new IllegalArgumentException("the evaluation share must be in (0, 1)");
    }
    List<Example> sorted = examples.stream().sorted(BY_TIME).toList();
    int held = Math.max(1, (int) Math.ceil(sorted.size() * evaluationShare));
    int cut = Math.max(0, sorted.size() - held);
    while (cut > 0
        && sorted.get(cut - 1).requestedAtMillis() == sorted.get(cut).requestedAtMillis()) {
      cut--;
    }
    return new TimeSplit(sorted.subList(0, cut), sorted.subList(cut, sorted.size()));
  }

  /** Event time of the first evaluation example. */
  public long evaluationStartMillis() {
    return evaluation.get(0).requestedAtMillis();
  }
}
