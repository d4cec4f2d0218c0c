package dev.agentos.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class QuietSourceWatermarksTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final Recorded output = new Recorded();
  private final QuietSourceWatermarks<String> watermarks =
      new QuietSourceWatermarks<>(Duration.ofSeconds(5), Duration.ofMillis(500), now::get);

  @Test
  void emitsNothingBeforeTheFirstRecord() {
    now.addAndGet(10_000);
    watermarks.onPeriodicEmit(output);
    assertThat(output.watermarks).isEmpty();
  }

  @Test
  void trailsTheHighestEventTimeByTheBoundWhileRecordsFlow() {
    watermarks.onEvent("a", 50_000, output);
    watermarks.onEvent("b", 40_000, output); // out of order: does not pull the watermark back
    now.addAndGet(100);
    watermarks.onPeriodicEmit(output);
    assertThat(output.last()).isEqualTo(50_000 - 5_000 - 1);
  }

  @Test
  void catchesUpWithTheHighestEventTimeOnceTheSourceIsQuiet() {
    watermarks.onEvent("a", 50_000, output);
    now.addAndGet(499);
    watermarks.onPeriodicEmit(output);
    assertThat(output.last()).isEqualTo(44_999);

    now.addAndGet(1);
    watermarks.onPeriodicEmit(output);
    assertThat(output.last()).isEqualTo(50_000);
  }

  @Test
  void neverRunsAheadOfWhatWasSeen() {
    watermarks.onEvent("a", 50_000, output);
    now.addAndGet(3_600_000); // an hour of silence
    watermarks.onPeriodicEmit(output);
    assertThat(output.last()).isEqualTo(50_000);
  }

  private static final class Recorded implements WatermarkOutput {
    final List<Long> watermarks = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      watermarks.add(watermark.getTimestamp());
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    long last() {
      return watermarks.get(watermarks.size() - 1);
    }
  }
}
