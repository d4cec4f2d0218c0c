package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.AnomalyDetected;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.derived.ProjectHealthReported;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.flink.health.HealthJob;
import dev.agentos.flink.health.HealthReports;
import dev.agentos.flink.health.HealthScores;
import dev.agentos.flink.health.HealthSettings;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project health job on a MiniCluster against the real Kafka and registry, with its production
 * settings (hourly reports over the trailing 24 h): a project's verifications (one test flipping
 * between pass and fail), executions, an error pattern and an anomaly in, on the topics the job
 * reads them from; its reports out, with the components and score the history calls for; and the
 * same history replayed giving the same reports under the same ids.
 */
@ExtendWith(LocalStackExtension.class)
class HealthJobIT {

  private static final String PROJECT = "project-1";

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();
  private DerivedTopics topics;

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @BeforeEach
  void connect(StackEndpoints stack) {
    this.topics = new DerivedTopics(stack);
  }

  @Test
  void aProjectsHistoryBecomesItsHourlyReportsWithTheirComponents() throws Exception {
    publishTheHistory();

    replay();

    List<ProjectHealthReported> reports = reportsOfTenant();
    // One at each hour's end whose trailing day holds data: hours 0-1, then hour 25 alone.
    assertThat(reports)
        .extracting(ProjectHealthReported::getWindowEnd)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 49).mapToObj(this::hour).toList());

    // The first hour: all tests and both counted runs passed; the sandbox's failure is not counted.
    assertThat(report(reports, 1).getComponents())
        .isEqualTo(
            Map.of(
                HealthScores.TEST_PASS_RATE, percent("100.00"),
                HealthScores.EXECUTION_SUCCESS, percent("100.00"),
                HealthScores.FLAKY_TESTS, percent("100.00")));
    assertThat(report(reports, 1).getScore()).isEqualTo(percent("100.00"));

    // Two hours in: test_flaky failed once (5 of 6 tests passed, 1 of 3 names flaky), a run failed
    // (3 of 4 passed), an ERROR pattern (the SUCCESS one is no fault) and a HIGH anomaly were seen.
    ProjectHealthReported second = report(reports, 2);
    assertThat(second.getComponents())
        .isEqualTo(
            Map.of(
                HealthScores.TEST_PASS_RATE, percent("83.33"),
                HealthScores.EXECUTION_SUCCESS, percent("75.00"),
                HealthScores.FLAKY_TESTS, percent("66.67"),
                HealthScores.ERROR_PATTERNS, percent("90.00"),
                HealthScores.ANOMALIES, percent("90.00")));
    // (83.33 x 25 + 75 x 25 + 66.67 x 15 + 90 x 15 + 90 x 10) / 90
    assertThat(second.getScore()).isEqualTo(percent("80.09"));
    assertThat(second.getWindowStart()).isEqualTo(hour(2).minus(Duration.ofHours(24)));
    assertThat(second.getReportId())
        .isEqualTo(second.getHeader().getEventId())
        .isEqualTo(
            HealthReports.reportId(
                tenant,
                PROJECT,
                second.getWindowStart().toEpochMilli(),
                second.getWindowEnd().toEpochMilli()));
    assertThat(second.getHeader().getProjectId()).isEqualTo(PROJECT);

    // A day later: 1 of 2 runs failed against 1 of 4 the day before, so the trend lost 25 points.
    ProjectHealthReported dayLater = report(reports, 26);
    assertThat(dayLater.getComponents())
        .isEqualTo(
            Map.of(
                HealthScores.EXECUTION_SUCCESS, percent("50.00"),
                HealthScores.ERROR_TREND, percent("75.00")));
    // (50 x 25 + 75 x 10) / 35
    assertThat(dayLater.getScore()).isEqualTo(percent("57.14"));
  }

  @Test
  void theSameHistoryReplayedMakesTheSameReports() throws Exception {
    publishTheHistory();

    replay();
    List<ProjectHealthReported> first = reportsOfTenant();
    replay();

    assertThat(first).hasSize(49);
    SameOutputs.assertRepeated(first, reportsOfTenant());
  }

  private void replay() throws Exception {
    topics.replay(
        HealthJob.NAME,
        (env, io, outOfOrderness) ->
            HealthJob.define(env, io, HealthSettings.defaults(), outOfOrderness));
  }

  private List<ProjectHealthReported> reportsOfTenant() {
    return topics.committedOf(Topics.HEALTH, ProjectHealthReported.class, tenant);
  }

  /**
   * Hours 0 and 1 of verifications, runs, a pattern of each kind and an anomaly, then two runs in
   * hour 25; every event at a minute of its own, each topic written in event-time order.
   */
  private void publishTheHistory() throws Exception {
    topics.publish(
        Topics.EXECUTIONS,
        List.of(
            verification(10, VerificationVerdict.PASSED, List.of("test_a", "test_b", "test_flaky")),
            run(20, ExecutionOutcome.SUCCEEDED),
            run(30, ExecutionOutcome.SUCCEEDED),
            run(40, ExecutionOutcome.SANDBOX_ERROR),
            verification(70, VerificationVerdict.FAILED, List.of("test_a", "test_b"), "test_flaky"),
            run(80, ExecutionOutcome.FAILED),
            run(85, ExecutionOutcome.SUCCEEDED),
            run(25 * 60 + 10, ExecutionOutcome.FAILED),
            run(25 * 60 + 20, ExecutionOutcome.SUCCEEDED)));
    topics.publish(
        Topics.PATTERNS,
        List.of(
            pattern(90, "pattern-error", PatternKind.ERROR),
            pattern(95, "pattern-ok", PatternKind.SUCCESS)));
    topics.publish(Topics.ANOMALIES, List.of(anomaly(100, AnomalySeverity.HIGH)));
  }

  /** The report whose window ends {@code hours} into the history. */
  private ProjectHealthReported report(List<ProjectHealthReported> reports, int hours) {
    return reports.stream()
        .filter(report -> report.getWindowEnd().equals(hour(hours)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no report ending at hour " + hours));
  }

  private Instant hour(int hours) {
    return t0.plus(Duration.ofHours(hours));
  }

  private static BigDecimal percent(String value) {
    return new BigDecimal(value);
  }

  private EventHeader header(int minute) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(t0.plus(Duration.ofMinutes(minute)))
        .setTenantId(tenant)
        .setProjectId(PROJECT)
        .setAgentId("agent-1")
        .setSessionId("session-1")
        .setSource("it")
        .build();
  }

  private VerificationCompleted verification(
      int minute, VerificationVerdict verdict, List<String> passed, String... failed) {
    return VerificationCompleted.newBuilder()
        .setHeader(header(minute))
        .setVerificationId("verification-" + minute)
        .setSuggestionId("suggestion-1")
        .setExecutionId("exec-verification-" + minute)
        .setVerdict(verdict)
        .setTestsRun(passed.size() + failed.length)
        .setPassed(passed.size())
        .setFailed(failed.length)
        .setPassedTestNames(passed)
        .setFailedTestNames(List.of(failed))
        .build();
  }

  private ExecutionCompleted run(int minute, ExecutionOutcome outcome) {
    boolean succeeded = outcome == ExecutionOutcome.SUCCEEDED;
    return ExecutionCompleted.newBuilder()
        .setHeader(header(minute))
        .setExecutionId("exec-" + minute)
        .setOutcome(outcome)
        .setExitCode(succeeded ? 0 : 1)
        .setTimedOut(false)
        .setDurationMs(120)
        .setCpuTimeMs(100)
        .setPeakMemoryBytes(1 << 20)
        .setStdoutExcerpt("")
        .setStderrExcerpt(succeeded ? "" : "KeyError: 'user'")
        .build();
  }

  private PatternDetected pattern(int minute, String id, PatternKind kind) {
    Instant at = t0.plus(Duration.ofMinutes(minute));
    return PatternDetected.newBuilder()
        .setHeader(header(minute))
        .setPatternId(id)
        .setKind(kind)
        .setSignature("python|KeyError|<str>")
        .setOccurrences(2L)
        .setFirstSeenAt(at)
        .setLastSeenAt(at)
        .setStatus(PatternStatus.RECURRING)
        .build();
  }

  private AnomalyDetected anomaly(int minute, AnomalySeverity severity) {
    Instant at = t0.plus(Duration.ofMinutes(minute));
    return AnomalyDetected.newBuilder()
        .setHeader(header(minute))
        .setAnomalyId("anomaly-" + minute)
        .setMetric("tool.latency.ms")
        .setObserved(900.0)
        .setExpected(100.0)
        .setDeviation(12.0)
        .setSeverity(severity)
        .setDetector("median-mad/v1")
        .setWindowStart(at.minus(Duration.ofHours(1)))
        .setWindowEnd(at)
        .build();
  }
}
