package dev.agentos.command.dedup;

import java.time.Duration;

/**
 * How the dedup stage runs.
 *
 * @param applicationId the Kafka Streams application id (consumer group, state store prefix)
 * @param window how long an event id is remembered; a repeat within it is dropped. At least 24 h,
 *     because agents retry across restarts and flaky networks for hours, not seconds.
 */
public record DeduplicationSettings(String applicationId, Duration window) {

  public static final Duration MINIMUM_WINDOW = Duration.ofHours(24);

  public DeduplicationSettings {
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("applicationId is required");
    }
    if (window == null || window.compareTo(MINIMUM_WINDOW) < 0) {
      throw new IllegalArgumentException(
          "the dedup window must be at least " + MINIMUM_WINDOW + ", got " + window);
    }
  }

  public static DeduplicationSettings defaults() {
    return new DeduplicationSettings("agentos-dedup", MINIMUM_WINDOW);
  }
}
