package dev.agentos.benchmarks;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Recorder;

/**
 * One timed run: how many operations (events, commands) completed, and the latency of each call in
 * an HdrHistogram, which records every value at microsecond precision without sampling.
 */
final class Measurement {

  private final String name;
  private final Recorder latencies = new Recorder(3);
  private long started;
  private long finished;
  private long operations;

  Measurement(String name) {
    this.name = name;
  }

  void start() {
    started = System.nanoTime();
  }

  void finish(long completedOperations) {
    finished = System.nanoTime();
    operations = completedOperations;
  }

  /** Records a latency measured some other way than from a call's start, e.g. a freshness delay. */
  void recordNanos(long nanos) {
    latencies.recordValue(Math.max(1, nanos / 1_000));
  }

  void recordCall(long startNanos) {
    latencies.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
  }

  double perSecond() {
    return operations / (Duration.ofNanos(finished - started).toNanos() / 1e9);
  }

  String report(String unit, String callName) {
    var histogram = latencies.getIntervalHistogram();
    Runtime runtime = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%-28s %,10.0f %s/s  (%,d in %.1f s)  %s latency p50 %.1f ms  p99 %.1f ms  max %.1f ms"
            + "  heap %d MiB",
        name,
        perSecond(),
        unit,
        operations,
        (finished - started) / 1e9,
        callName,
        histogram.getValueAtPercentile(50) / 1000.0,
        histogram.getValueAtPercentile(99) / 1000.0,
        histogram.getMaxValue() / 1000.0,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
  }
}
