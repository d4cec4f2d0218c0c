package dev.agentos.flink.health;

import static dev.agentos.flink.health.HealthEventSamples.anomaly;
import static dev.agentos.flink.health.HealthEventSamples.execution;
import static dev.agentos.flink.health.HealthEventSamples.input;
import static dev.agentos.flink.health.HealthEventSamples.pattern;
import static dev.agentos.flink.health.HealthEventSamples.verification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationVerdict;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectHealthScorerTest {

  private static final long HOUR = 3_600_000L;
  private static final long T0 = 1_000 * HOUR; // the start of an hour
  private static final HealthSettings SETTINGS =
      new HealthSettings(
          Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofMinutes(1), 3);

  private KeyedOneInputStreamOperatorTestHarness<String, HealthInput, ProjectHealthReported>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void reportsAnHourOnlyOnceTheWatermarkPassesItsEnd() throws Exception {
    send(harness, input(execution("e-1", T0 + 10, ExecutionOutcome.SUCCEEDED)));
    harness.processWatermark(T0 + HOUR - 2);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + HOUR - 1);

    ProjectHealthReported report = harness.extractOutputValues().get(0);
    assertThat(harness.extractOutputValues()).hasSize(1);
    assertThat(report.getWindowEnd().toEpochMilli()).isEqualTo(T0 + HOUR);
    assertThat(report.getWindowStart().toEpochMilli()).isEqualTo(T0 - 2 * HOUR);
    assertThat(report.getReportId())
        .isEqualTo(HealthReports.reportId("acme", "web", T0 - 2 * HOUR, T0 + HOUR))
        .isEqualTo(report.getHeader().getEventId());
    assertThat(report.getHeader().getOccurredAt().toEpochMilli()).isEqualTo(T0 + HOUR);
    assertThat(report.getHeader().getSource()).isEqualTo("flink:project-health");
    assertThat(report.getHeader().getAgentId()).isEqualTo("flink");
    assertThat(report.getHeader().getTenantId()).isEqualTo("acme");
    assertThat(report.getHeader().getProjectId()).isEqualTo("web");
  }

  @Test
  void reportsEveryComponentOfAKnownHistoryExactly() throws Exception {
    for (HealthInput input : knownHistory()) {
      send(harness, input);
    }
    harness.processWatermark(T0 + HOUR - 1);

    ProjectHealthReported report = reportEnding(T0 + HOUR);
    assertThat(report.getComponents())
        .containsOnly(
            entry(HealthScores.TEST_PASS_RATE, new BigDecimal("75.00")), // 3 of 4
            entry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("75.00")), // 3 of 4
            entry(HealthScores.ERROR_TREND, new BigDecimal("75.00")), // 0 % failed, now 25 %
            entry(HealthScores.FLAKY_TESTS, new BigDecimal("66.67")), // d, of a b d
            entry(HealthScores.ERROR_PATTERNS, new BigDecimal("80.00")), // p-1, p-2
            entry(HealthScores.ANOMALIES, new BigDecimal("70.00"))); // CRITICAL 25 + MEDIUM 5
    // (75x25 + 75x25 + 75x10 + 66.67x15 + 80x15 + 70x10) / 100 = 74.0005
    assertThat(report.getScore()).isEqualTo(new BigDecimal("74.00"));
  }

  @Test
  void leavesComponentsWithoutDataOut() throws Exception {
    send(harness, input(execution("e-1", T0 + 1, ExecutionOutcome.SUCCEEDED)));
    send(harness, input(execution("e-2", T0 + 2, ExecutionOutcome.FAILED)));
    harness.processWatermark(T0 + HOUR - 1);

    ProjectHealthReported report = reportEnding(T0 + HOUR);
    assertThat(report.getComponents())
        .containsOnly(entry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("50.00")));
    assertThat(report.getScore()).isEqualTo(new BigDecimal("50.00"));
  }

  @Test
  void aTestThatPassedAndFailedInTheWindowIsFlakyUntilOneOfThemLeavesIt() throws Exception {
    send(
        harness,
        input(verification("v-1", T0 + 1, VerificationVerdict.PASSED, names("x", "y"), names())));
    send(
        harness,
        input(verification("v-2", T0 + HOUR + 1, VerificationVerdict.FAILED, names(), names("x"))));
    harness.processWatermark(T0 + 4 * HOUR);

    assertThat(reportEnding(T0 + HOUR).getComponents())
        .containsEntry(HealthScores.FLAKY_TESTS, new BigDecimal("100.00"));
    assertThat(reportEnding(T0 + 2 * HOUR).getComponents())
        .containsEntry(HealthScores.FLAKY_TESTS, new BigDecimal("50.00")); // x of x, y
    assertThat(reportEnding(T0 + 3 * HOUR).getComponents())
        .containsEntry(HealthScores.FLAKY_TESTS, new BigDecimal("50.00"));
    // From T0 + 1 h on: x only failed, y is gone.
    assertThat(reportEnding(T0 + 4 * HOUR).getComponents())
        .containsEntry(HealthScores.FLAKY_TESTS, new BigDecimal("100.00"))
        .containsEntry(HealthScores.TEST_PASS_RATE, new BigDecimal("0.00"));
  }

  @Test
  void keepsNoMoreTestNamesThanItMay() throws Exception {
    send(
        harness,
        input(
            verification(
                "v-1", T0 + 1, VerificationVerdict.PASSED, names("a", "b", "c", "d"), names())));
    send(
        harness,
        input(verification("v-2", T0 + 2, VerificationVerdict.FAILED, names(), names("d", "a"))));
    harness.processWatermark(T0 + HOUR - 1);

    // d came fourth and was not kept; a is flaky, of a, b, c.
    assertThat(reportEnding(T0 + HOUR).getComponents())
        .containsEntry(HealthScores.FLAKY_TESTS, new BigDecimal("66.67"));
  }

  @Test
  void reportsEachHourWhileTheWindowHoldsDataThenStops() throws Exception {
    send(harness, input(execution("e-1", T0 + 10, ExecutionOutcome.SUCCEEDED)));
    harness.processWatermark(T0 + 10 * HOUR);

    assertThat(harness.extractOutputValues())
        .extracting(report -> report.getWindowEnd().toEpochMilli())
        .containsExactly(T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR);
  }

  @Test
  void forgetsAProjectIdleForTheIdleTimeout() throws Exception {
    send(
        harness,
        input(verification("v-1", T0 + 1, VerificationVerdict.PASSED, names("x"), names())));
    send(harness, input(pattern("p-e", T0 + 2, "p-1", PatternKind.ERROR)));
    harness.processWatermark(T0 + HOUR);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T0 + HOUR + Duration.ofHours(6).toMillis());

    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void theSameHistoryMakesTheSameReportsWithTheSameIds() throws Exception {
    List<HealthInput> history = knownHistory();
    for (HealthInput input : history) {
      send(harness, input);
    }
    harness.processWatermark(T0 + 5 * HOUR);

    var replay = harness();
    List<HealthInput> reversed = new ArrayList<>(history);
    Collections.reverse(reversed);
    for (HealthInput input : reversed) {
      send(replay, input);
    }
    replay.processWatermark(T0 + 5 * HOUR);

    assertThat(replay.extractOutputValues()).isNotEmpty().isEqualTo(harness.extractOutputValues());
    assertThat(harness.extractOutputValues())
        .extracting(ProjectHealthReported::getReportId)
        .doesNotHaveDuplicates();
    replay.close();
  }

  @Test
  void sendsAnInputFurtherBehindThanTheAllowedLatenessToTheLateOutput() throws Exception {
    harness.processWatermark(T0 + 3 * 60_000);
    HealthInput tooLate = input(execution("too-late", T0 + 60_000, ExecutionOutcome.FAILED));
    send(harness, tooLate);

    assertThat(harness.getSideOutput(ProjectHealthScorer.LATE))
        .extracting(StreamRecord::getValue)
        .containsExactly(tooLate);
    harness.processWatermark(T0 + 5 * HOUR);
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void countsAnInputWithinTheAllowedLatenessInTheReportsToCome() throws Exception {
    send(harness, input(execution("e-0", T0 + 10, ExecutionOutcome.SUCCEEDED)));
    send(harness, input(execution("e-1", T0 + HOUR + 50_000, ExecutionOutcome.SUCCEEDED)));
    harness.processWatermark(T0 + HOUR + 50_000);
    // 55 s behind the watermark, in an hour reported already.
    send(harness, input(execution("slow", T0 + HOUR - 5_000, ExecutionOutcome.FAILED)));
    harness.processWatermark(T0 + 2 * HOUR);

    assertThat(harness.getSideOutput(ProjectHealthScorer.LATE)).isNull();
    assertThat(reportEnding(T0 + HOUR).getComponents())
        .containsEntry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("100.00"));
    assertThat(reportEnding(T0 + 2 * HOUR).getComponents())
        .containsEntry(HealthScores.EXECUTION_SUCCESS, new BigDecimal("66.67"));
  }

  @Test
  void reportsSurviveAvroEncoding() throws Exception {
    for (HealthInput input : knownHistory()) {
      send(harness, input);
    }
    harness.processWatermark(T0 + HOUR - 1);
    ProjectHealthReported report = reportEnding(T0 + HOUR);

    ByteBuffer encoded = ProjectHealthReported.getEncoder().encode(report);

    assertThat(ProjectHealthReported.getDecoder().decode(encoded)).isEqualTo(report);
  }

  /**
   * One execution that succeeded in the window before, and in the reported hour: tests a b d, of
   * which d failed then passed; 3 of 4 executions succeeded; patterns p-1 (twice) and p-2;
   * anomalies CRITICAL and MEDIUM. Events the job leaves out (a SUCCESS pattern) come too.
   */
  private static List<HealthInput> knownHistory() {
    return List.of(
        input(execution("e-0", T0 - 3 * HOUR, ExecutionOutcome.SUCCEEDED)),
        input(verification("v-1", T0 + 1, VerificationVerdict.FAILED, names("a", "b"), names("d"))),
        input(verification("v-2", T0 + 2, VerificationVerdict.PASSED, names("d"), names())),
        input(execution("e-1", T0 + 3, ExecutionOutcome.SUCCEEDED)),
        input(execution("e-2", T0 + 4, ExecutionOutcome.SUCCEEDED)),
        input(execution("e-3", T0 + 4, ExecutionOutcome.SUCCEEDED)),
        input(execution("e-4", T0 + 5, ExecutionOutcome.TIMED_OUT)),
        input(pattern("pd-1", T0 + 6, "p-1", PatternKind.ERROR)),
        input(pattern("pd-2", T0 + 7, "p-1", PatternKind.ERROR)),
        input(pattern("pd-3", T0 + 8, "p-2", PatternKind.ERROR)),
        input(anomaly("an-1", T0 + 9, "a-1", AnomalySeverity.CRITICAL)),
        input(anomaly("an-2", T0 + 10, "a-2", AnomalySeverity.MEDIUM)));
  }

  private ProjectHealthReported reportEnding(long end) {
    List<ProjectHealthReported> reports =
        harness.extractOutputValues().stream()
            .filter(report -> report.getWindowEnd().toEpochMilli() == end)
            .toList();
    assertThat(reports).as("reports ending at " + end).hasSize(1);
    return reports.get(0);
  }

  private static List<String> names(String... names) {
    return List.of(names);
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, HealthInput, ProjectHealthReported> harness,
      HealthInput input)
      throws Exception {
    harness.processElement(input, input.eventTimeMillis());
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, HealthInput, ProjectHealthReported>
      harness() throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ProjectHealthScorer(SETTINGS), HealthInput::projectKey, Types.STRING);
    harness.open();
    return harness;
  }
}
