package dev.agentos.benchmarks.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Whether one ranking beats another on the same questions: the mean of the per-question nDCG@10
 * differences with a bootstrap 95 % interval, how many questions each wins, and the Wilcoxon
 * signed-rank p-value. Paired, because both rankings answer the same questions: the spread between
 * questions (which makes a single mean's standard error ±0.03 on this set) cancels out, so a small
 * but consistent gain can be told from noise and a large but lucky one cannot.
 */
record PairedComparison(
    double meanDifference,
    double lower95,
    double upper95,
    int wins,
    int ties,
    int losses,
    double wilcoxonP) {

  /** Resamples of the bootstrap; seeded, so a run's interval is reproducible. */
  static final int RESAMPLES = 10_000;

  private static final long SEED = 4;

  /** Compares {@code a} with {@code b}, each holding one score per question in the same order. */
  static PairedComparison of(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException(
          "need the same non-zero number of questions, got " + a.length + " and " + b.length);
    }
    int n = a.length;
    double[] differences = new double[n];
    int wins = 0;
    int losses = 0;
    for (int i = 0; i < n; i++) {
      differences[i] = a[i] - b[i];
      if (differences[i] > 0) {
        wins++;
      } else if (differences[i] < 0) {
        losses++;
      }
    }
    double[] means = new double[RESAMPLES];
    SplittableRandom random = new SplittableRandom(SEED);
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += differences[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    double p = wilcoxonP(a, b);
    return new PairedComparison(
        Arrays.stream(differences).average().orElseThrow(),
        means[(int) (RESAMPLES * 0.025)],
        means[(int) (RESAMPLES * 0.975) - 1],
        wins,
        n - wins - losses,
        losses,
        p);
  }

  /**
   * Wilcoxon's test over the questions that differ: commons-math ranks tied pairs too, which on a
   * set where most questions tie gives a p near zero for one win and one loss. Exact up to 30
   * pairs, the normal approximation above.
   */
  private static double wilcoxonP(double[] a, double[] b) {
    int[] differing = IntStream.range(0, a.length).filter(i -> a[i] != b[i]).toArray();
    if (differing.length == 0) {
      return 1.0; // nothing to rank: no evidence either way
    }
    double[] x = Arrays.stream(differing).mapToDouble(i -> a[i]).toArray();
    double[] y = Arrays.stream(differing).mapToDouble(i -> b[i]).toArray();
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, differing.length <= 30);
  }

  /**
   * Whether both say so: the whole 95 % interval above zero and Wilcoxon's p below 0.05. The
   * interval alone is too generous when only a handful of questions differ (a bootstrap of four
   * wins and one loss rarely draws the loss).
   */
  boolean clearlyBetter() {
    return lower95 > 0 && wilcoxonP < 0.05;
  }

  boolean clearlyWorse() {
    return upper95 < 0 && wilcoxonP < 0.05;
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "%+.3f [95%% %+.3f, %+.3f], wins/ties/losses %d/%d/%d, Wilcoxon p=%.3f%s",
        meanDifference,
        lower95,
        upper95,
        wins,
        ties,
        losses,
        wilcoxonP,
        clearlyBetter() ? "  better" : clearlyWorse() ? "  worse" : "  not distinguishable");
  }
}
