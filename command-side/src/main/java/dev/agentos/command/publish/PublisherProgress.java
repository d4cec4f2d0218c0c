package dev.agentos.command.publish;

import java.time.Duration;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per interval about what was published: at INFO while the publisher is catching up (a
 * batch came back full, so more events were waiting), else at DEBUG, so a quiet system logs
 * nothing.
 */
final class PublisherProgress {

  private static final Logger log = LoggerFactory.getLogger(PublisherProgress.class);

  private final long intervalNanos;
  private long since = System.nanoTime();
  private long events;
  private boolean behind;

  PublisherProgress(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  void published(int count, boolean full, TrackingToken position) {
    events += count;
    behind |= full;
    long now = System.nanoTime();
    if (now - since < intervalNanos) {
      return;
    }
    if (events > 0) {
      double seconds = (now - since) / 1e9;
      String line = "Published {} events in {} s ({} events/s), {}, position {}";
      Object[] args = {
        events,
        Math.round(seconds),
        Math.round(events / seconds),
        behind ? "catching up" : "up to date",
        position == null ? "none" : PositionJson.write(position)
      };
      if (behind) {
        log.info(line, args);
      } else {
        log.debug(line, args);
      }
    }
    since = now;
    events = 0;
    behind = false;
  }
}
