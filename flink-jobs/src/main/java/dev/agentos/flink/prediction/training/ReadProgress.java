package dev.agentos.flink.prediction.training;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.flink.core.execution.JobClient;

/**
 * One updating line on a terminal while a bounded job reads: how many events it has read and how
 * many per second since it started, from the job's {@link CountingReads} accumulator. The figure is
 * as fresh as the task's last heartbeat to the job manager.
 */
public final class ReadProgress implements AutoCloseable {

  private final JobClient job;
  private final PrintStream out;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final ScheduledExecutorService ticker;
  private long read;

  private ReadProgress(JobClient job, PrintStream out, LongSupplier nanoTime) {
    this.job = job;
    this.out = out;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "read-progress");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Prints the line on {@code out} every {@code every} until closed. */
  public static ReadProgress start(JobClient job, PrintStream out, Duration every) {
    ReadProgress progress = new ReadProgress(job, out, System::nanoTime);
    progress.ticker.scheduleWithFixedDelay(
        progress::refresh, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return progress;
  }

  private void refresh() {
    try {
      Map<String, Object> accumulators = job.getAccumulators().get(5, TimeUnit.SECONDS);
      if (accumulators.get(CountingReads.ACCUMULATOR) instanceof Long count) {
        update(count);
      }
    } catch (Exception notYet) {
      // Not running yet, or already finished: the next tick or close() tells.
    }
  }

  private synchronized void update(long count) {
    read = Math.max(read, count);
    out.print("\r" + line(read, nanoTime.getAsLong() - startNanos) + "   ");
    out.flush();
  }

  /** E.g. "read 120,000 events, 41,237 events/s". */
  static String line(long read, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    return String.format("read %,d events, %,.0f events/s", read, read / seconds);
  }

  /** Ends the line with the job's final count (exact once the job has finished). */
  public void finish(long finalCount) {
    ticker.shutdownNow();
    update(finalCount);
    out.println();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
