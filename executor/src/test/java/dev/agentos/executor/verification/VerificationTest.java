package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.executor.sandbox.Outcome;
import dev.agentos.executor.sandbox.OutputExcerpt;
import dev.agentos.executor.sandbox.SandboxResult;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VerificationTest {

  static SandboxResult run(int exitCode, Outcome outcome) {
    OutputExcerpt none = new OutputExcerpt(new byte[0], false);
    return new SandboxResult(
        exitCode,
        outcome,
        Duration.ofSeconds(1),
        Optional.empty(),
        OptionalLong.empty(),
        none,
        none);
  }

  private static TestReport report(TestStatus... statuses) {
    TestReport.Builder report = new TestReport.Builder();
    for (int i = 0; i < statuses.length; i++) {
      report.add("test_" + i, statuses[i]);
    }
    return report.build();
  }

  @Test
  void everyTestPassedIsPassed() {
    Verification v =
        Verification.judge(
            report(TestStatus.PASSED, TestStatus.PASSED, TestStatus.SKIPPED),
            run(0, Outcome.EXITED));

    assertThat(v.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(v.reason()).isEmpty();
  }

  @Test
  void oneFailedOrErroredTestIsFailedWhateverTheExitCode() {
    assertThat(
            Verification.judge(report(TestStatus.PASSED, TestStatus.FAILED), run(1, Outcome.EXITED))
                .verdict())
        .isEqualTo(Verdict.FAILED);
    assertThat(
            Verification.judge(report(TestStatus.PASSED, TestStatus.ERROR), run(0, Outcome.EXITED))
                .verdict())
        .as("pytest || true hides nothing")
        .isEqualTo(Verdict.FAILED);
  }

  @Test
  void noTestThatRanIsAnError() {
    Verification none = Verification.judge(report(), run(5, Outcome.EXITED));
    Verification allSkipped =
        Verification.judge(report(TestStatus.SKIPPED, TestStatus.SKIPPED), run(0, Outcome.EXITED));

    assertThat(none.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(none.reason()).hasValue("no test ran (0 skipped; exit 5)");
    assertThat(allSkipped.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(allSkipped.reason()).hasValue("no test ran (2 skipped; exit 0)");
  }

  @Test
  void aRunStoppedByALimitIsAnErrorEvenIfItsReportLooksPassed() {
    Verification v = Verification.judge(report(TestStatus.PASSED), run(137, Outcome.WALL_TIME));

    assertThat(v.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(v.reason()).hasValue("the tests did not finish: the run ended by WALL_TIME");
  }

  @Test
  void aPassedReportWithAFailingExitIsAnError() {
    Verification v = Verification.judge(report(TestStatus.PASSED), run(2, Outcome.EXITED));

    assertThat(v.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(v.reason())
        .hasValue("the test command exited 2 though every test it reported passed");
  }
}
