package dev.agentos.flink.io;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks that catch up when a partition goes quiet. While records
 * flow, the watermark trails the highest event time seen by the bound, so records that arrive up to
 * that much out of order still count. When no record has come for {@code quietAfter} (wall-clock),
 * nothing more is in flight, so the watermark moves up to the highest event time seen: the last
 * failure before a pause is judged now, not when the next record happens to come. It never moves
 * past what was seen, so a replay of old history (never quiet) is judged exactly as the live run.
 */
public final class QuietSourceWatermarks<T> implements WatermarkGenerator<T> {

  private final long outOfOrdernessMillis;
  private final long quietAfterMillis;
  private final LongSupplier clock;
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastRecordAt;

  public QuietSourceWatermarks(Duration outOfOrderness, Duration quietAfter, LongSupplier clock) {
    this.outOfOrdernessMillis = outOfOrderness.toMillis();
    this.quietAfterMillis = quietAfter.toMillis();
    this.clock = clock;
    this.lastRecordAt = clock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    lastRecordAt = clock.getAsLong();
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (maxTimestamp == Long.MIN_VALUE) {
      return; // nothing seen yet: the idleness of the strategy takes care of empty partitions
    }
    boolean quiet = clock.getAsLong() - lastRecordAt >= quietAfterMillis;
    long watermark = quiet ? maxTimestamp : maxTimestamp - outOfOrdernessMillis - 1;
    output.emitWatermark(new Watermark(watermark));
  }
}
