package dev.agentos.flink.health;

/**
 * The counts of one project in one period (Flink keyed state: a POJO of Flink-known types, so its
 * serializer is Flink's own and the state can evolve).
 */
public class HourTally {

  public long testsPassed;
  public long testsFailed;
  public long executionsSucceeded;
  public long executionsFailed;

  public HourTally() {}

  void count(HealthInput input) {
    switch (input.kind()) {
      case VERIFICATION -> {
        testsPassed += Math.max(0, input.testsPassed());
        testsFailed += Math.max(0, input.testsFailed());
      }
      case EXECUTION -> {
        if (input.succeeded()) {
          executionsSucceeded++;
        } else {
          executionsFailed++;
        }
      }
      default -> {
        // patterns and anomalies are kept as sightings, by id
      }
    }
  }
}
