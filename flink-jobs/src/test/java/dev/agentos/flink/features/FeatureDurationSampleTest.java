package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.flink.io.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link DurationSample}, the bounded sample behind the duration quantile features. */
class FeatureDurationSampleTest {

  @Test
  void keepsEveryDurationUpToItsCapacitySoQuantilesAreExact() {
    DurationSample sample = sampleOf(durations(DurationSample.CAPACITY));

    assertThat(sample.size()).isEqualTo(DurationSample.CAPACITY);
    assertThat(sample.quantile(0.5)).isEqualTo(512.0);
    assertThat(sample.quantile(0.95)).isEqualTo(973.0);
    assertThat(sample.quantile(0.0)).isEqualTo(1.0);
    assertThat(sample.quantile(1.0)).isEqualTo(1024.0);
  }

  @Test
  void beyondItsCapacityKeepsAUniformSample() {
    DurationSample sample = sampleOf(durations(20_000));

    assertThat(sample.size()).isEqualTo(DurationSample.CAPACITY);
    assertThat(sample.quantile(0.5)).isBetween(9_000.0, 11_000.0);
    assertThat(sample.quantile(0.95)).isBetween(18_500.0, 19_500.0);
  }

  @Test
  void keepsTheSameDurationsWhateverTheOrderOfArrival() {
    List<Long> durations = durations(5_000);
    long[] kept = sorted(sampleOf(durations));

    Collections.shuffle(durations, new Random(3));
    DurationSample shuffled = new DurationSample();
    for (long ms : durations) {
      // The position is that of the record, whatever order it arrives in.
      shuffled.add(new SourcePosition("executions.raw", 1, ms), ms);
    }

    assertThat(sorted(shuffled)).isEqualTo(kept);
  }

  @Test
  void mergingTwoSamplesKeepsWhatOneSampleOfBothWould() {
    List<Long> durations = durations(3_000);
    DurationSample merged = sampleOf(durations.subList(0, 1_000));
    merged.addAll(sampleOf(durations.subList(1_000, 3_000)));

    assertThat(sorted(merged)).isEqualTo(sorted(sampleOf(durations)));
  }

  @Test
  void anEmptySampleHasNoQuantile() {
    assertThatThrownBy(() -> new DurationSample().quantile(0.5))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Durations 1..n ms, the duration of a record its offset. */
  private static List<Long> durations(int n) {
    List<Long> durations = new ArrayList<>();
    for (long ms = 1; ms <= n; ms++) {
      durations.add(ms);
    }
    return durations;
  }

  private static DurationSample sampleOf(List<Long> durations) {
    DurationSample sample = new DurationSample();
    for (long ms : durations) {
      sample.add(new SourcePosition("executions.raw", 1, ms), ms);
    }
    return sample;
  }

  private static long[] sorted(DurationSample sample) {
    long[] kept = sample.durations.clone();
    Arrays.sort(kept);
    return kept;
  }
}
