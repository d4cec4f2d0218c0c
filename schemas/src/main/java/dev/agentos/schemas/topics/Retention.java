package dev.agentos.schemas.topics;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a topic keeps records. Event logs are kept {@link #FOREVER} because every read model
 * must be rebuildable from offset zero; only stages whose output is kept elsewhere expire.
 *
 * @param millis Kafka's {@code retention.ms}; -1 means forever, as in Kafka
 */
public record Retention(long millis) {

  public static final Retention FOREVER = new Retention(-1);

  public Retention {
    if (millis < -1 || millis == 0) {
      throw new IllegalArgumentException("retention must be positive or -1 (forever): " + millis);
    }
  }

  public static Retention of(Duration duration) {
    return new Retention(duration.toMillis());
  }

  public boolean isForever() {
    return millis == -1;
  }

  /** The retention period, empty when forever. */
  public Optional<Duration> duration() {
    return isForever() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
  }

  /** The value of the {@code retention.ms} topic config. */
  public String configValue() {
    return Long.toString(millis);
  }
}
