package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated histories with a known signal: three inputs x1, x2, x3 (x3 pure noise and missing a
 * third of the time), and whether each request succeeded drawn from {@code sigmoid(2 x1 - 1.5 x2)},
 * or from a fair coin for pure noise. x1 drifts upwards over time, so the later slice is not
 * distributed like the earlier one, as in real histories.
 */
final class SyntheticHistory {

  static final List<String> FEATURES = List.of("x1", "x2", "x3");
  static final String TENANT = "tenant-a";
  static final long START = 1_780_000_000_000L;

  private SyntheticHistory() {}

  static List<Example> withSignal(int count, long seed) {
    return generate(count, seed, true);
  }

  static List<Example> noise(int count, long seed) {
    return generate(count, seed, false);
  }

  /** One example at {@code millis}: whether it succeeded, and features that do not matter. */
  static Example at(String subject, long millis, boolean succeeded) {
    return new Example(
        TENANT,
        PredictionTarget.EXECUTION_SUCCESS,
        subject,
        millis,
        new double[] {0.5, -0.5, Double.NaN},
        succeeded);
  }

  private static List<Example> generate(int count, long seed, boolean signal) {
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    long millis = START;
    for (int i = 0; i < count; i++) {
      millis += 1_000 + random.nextInt(60_000);
      double drift = 0.8 * i / count;
      double x1 = random.nextGaussian() + drift;
      double x2 = random.nextGaussian();
      double x3 = random.nextDouble() < 1.0 / 3 ? Double.NaN : random.nextGaussian();
      double p = signal ? 1 / (1 + Math.exp(-(2 * x1 - 1.5 * x2))) : 0.5;
      examples.add(
          new Example(
              TENANT,
              PredictionTarget.EXECUTION_SUCCESS,
              "execution-" + i,
              millis,
              new double[] {x1, x2, x3},
              random.nextDouble() < p));
    }
    return examples;
  }
}
