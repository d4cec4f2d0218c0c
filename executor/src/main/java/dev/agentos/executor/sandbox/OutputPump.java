package dev.agentos.executor.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one of a program's streams to its end, keeping what fits in the output limit that stdout
 * and stderr share. The first byte past the limit calls {@code onOverflow} (the runner kills the
 * sandbox); what comes after is read and dropped so the program never blocks on a full pipe before
 * it is killed.
 */
final class OutputPump implements Runnable {

  private static final int CHUNK = 8192;

  private final InputStream in;
  private final OutputListener.Channel channel;
  private final AtomicLong used;
  private final long limit;
  private final OutputListener listener;
  private final Runnable onOverflow;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private volatile boolean truncated;

  /**
   * @param used bytes read so far on both streams, shared by the two pumps of a run
   * @param limit how many bytes both streams together may write
   */
  OutputPump(
      InputStream in,
      OutputListener.Channel channel,
      AtomicLong used,
      long limit,
      OutputListener listener,
      Runnable onOverflow) {
    this.in = in;
    this.channel = channel;
    this.used = used;
    this.limit = limit;
    this.listener = listener;
    this.onOverflow = onOverflow;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[CHUNK];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        accept(buffer, n);
      }
    } catch (IOException e) {
      // The pipe closes under us when the sandbox is killed: what was read is what there is.
    }
  }

  private void accept(byte[] buffer, int n) {
    long before = used.getAndAdd(n);
    int allowed = (int) Math.max(0, Math.min(n, limit - before));
    if (allowed > 0) {
      kept.write(buffer, 0, allowed);
      listener.onOutput(channel, Arrays.copyOf(buffer, allowed));
    }
    if (allowed < n) {
      boolean first = !truncated;
      truncated = true;
      if (first) {
        onOverflow.run();
      }
    }
  }

  /** What was kept; call once {@link #run()} has returned. */
  OutputExcerpt excerpt() {
    return new OutputExcerpt(kept.toByteArray(), truncated);
  }
}
