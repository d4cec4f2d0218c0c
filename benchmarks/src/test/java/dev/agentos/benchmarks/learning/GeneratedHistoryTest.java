package dev.agentos.benchmarks.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.schemas.topics.EventKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class GeneratedHistoryTest {

  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  private final List<SpecificRecord> events = new ArrayList<>();

  @Test
  void writesExactlyTheEventsAskedForInEventTimeOrder() {
    Instant end = new GeneratedHistory("tenant-1").write(30_001, START, events::add);

    assertThat(events).hasSize(30_001);
    List<Instant> times =
        events.stream().map(event -> EventKeys.headerOf(event).getOccurredAt()).toList();
    assertThat(times).isSorted();
    assertThat(times.get(0)).isAfterOrEqualTo(START);
    assertThat(times.get(times.size() - 1)).isBefore(end);
    // Within the 2 % margin LearningBenchmark leaves, so a history ends before now.
    Duration span = Duration.between(START, end);
    Duration estimate = GeneratedHistory.spanOf(30_001);
    assertThat((double) span.toSeconds()).isCloseTo(estimate.toSeconds(), withinPercentage(2));
  }

  @Test
  void runsOfTheTestsSucceedMoreOftenThanOtherRuns() {
    new GeneratedHistory("tenant-1").write(60_000, START, events::add);

    Map<String, String> commands = new HashMap<>();
    int[] tests = new int[2];
    int[] others = new int[2];
    for (SpecificRecord event : events) {
      if (event instanceof ExecutionRequested requested) {
        commands.put(requested.getExecutionId(), requested.getCommand());
      } else if (event instanceof ExecutionCompleted completed) {
        boolean runsTests =
            commands
                .get(completed.getExecutionId())
                .matches("(pytest|node --test|go test|java -jar).*");
        int[] tally = runsTests ? tests : others;
        tally[0]++;
        if (completed.getOutcome() == ExecutionOutcome.SUCCEEDED) {
          tally[1]++;
        }
      }
    }
    double testRate = (double) tests[1] / tests[0];
    double otherRate = (double) others[1] / others[0];
    assertThat(testRate - otherRate).isGreaterThan(0.15);
  }
}
