package dev.agentos.flink.health;

import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;

/**
 * What the health job needs of one event, flattened: Flink-known field types only (strings,
 * primitives, enums, lists of strings, the {@link SourcePosition} record), so it travels and sits
 * in state as a POJO, not with Kryo. Fields a kind does not use are 0, false, null or empty; {@link
 * HealthInputs} says which kind sets what.
 *
 * @param eventId the event's id; orders inputs of one millisecond, so a replay applies them alike
 * @param testsPassed VERIFICATION: tests that passed
 * @param testsFailed VERIFICATION: tests that failed or errored
 * @param passedTestNames VERIFICATION: names of the tests that passed
 * @param failedTestNames VERIFICATION: names of the tests that failed
 * @param succeeded EXECUTION: whether the run succeeded
 * @param sightingId ERROR_PATTERN: the patternId; ANOMALY: the anomalyId
 * @param severity ANOMALY: how far off the series was
 */
public record HealthInput(
    SourcePosition position,
    long eventTimeMillis,
    String tenantId,
    String projectId,
    String eventId,
    HealthInputKind kind,
    int testsPassed,
    int testsFailed,
    List<String> passedTestNames,
    List<String> failedTestNames,
    boolean succeeded,
    String sightingId,
    AnomalySeverity severity)
    implements FromSource {

  /** The key the job's state is kept under: one tenant's project. */
  public String projectKey() {
    return tenantId + "/" + projectId;
  }
}
