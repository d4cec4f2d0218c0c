package dev.agentos.flink.patterns;

import dev.agentos.events.derived.PatternKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of patterns and of their detections, derived from what they are, never random: a later
 * detection of a pattern reuses its id, and replaying the same history makes the same detections
 * with the same event ids, which the read models deduplicate.
 */
public final class PatternIds {

  private PatternIds() {}

  /** One pattern per tenant, project, kind and signature. */
  public static String patternId(
      PatternKind kind, String tenantId, String projectId, String signature) {
    return uuid(kind + "\n" + tenantId + "\n" + projectId + "\n" + signature);
  }

  /** One detection per pattern, count and reason. */
  public static String detectionId(String patternId, long occurrences, String status) {
    return uuid("detection\n" + patternId + "\n" + occurrences + "\n" + status);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
