package dev.agentos.executor.verification;

import dev.agentos.executor.sandbox.Outcome;
import dev.agentos.executor.sandbox.SandboxResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of running a suggestion's tests.
 *
 * @param verdict what it says about the code
 * @param report the tests the runner reported; empty when it reported none
 * @param reason why the verdict is ERROR, or why a report that looks passed is not
 */
public record Verification(Verdict verdict, TestReport report, Optional<String> reason) {

  public Verification {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(reason, "reason");
  }

  public static Verification error(String reason, TestReport report) {
    return new Verification(Verdict.ERROR, report, Optional.of(reason));
  }

  /**
   * The verdict on a run and the report read from it. The report is the truth about each test; the
   * run says whether the report can be trusted to be whole:
   *
   * <ul>
   *   <li>a run a limit stopped (wall time, memory, output...) is ERROR: its tests did not finish;
   *   <li>a report with no test that ran is ERROR: nothing was verified;
   *   <li>any failed or errored test makes it FAILED, whatever the exit code ({@code pytest ||
   *       true} does not hide a failure);
   *   <li>all passed but a non-zero exit is ERROR: something in the test command failed that the
   *       report does not show (a later step, a crash after the report);
   *   <li>otherwise PASSED.
   * </ul>
   */
  static Verification judge(TestReport report, SandboxResult run) {
    if (run.outcome() != Outcome.EXITED) {
      return error("the tests did not finish: the run ended by " + run.outcome(), report);
    }
    if (report.testsRun() == 0) {
      return error(
          "no test ran (" + report.skipped() + " skipped; exit " + run.exitCode() + ")", report);
    }
    if (report.anyFailing()) {
      return new Verification(Verdict.FAILED, report, Optional.empty());
    }
    if (run.exitCode() != 0) {
      return error(
          "the test command exited " + run.exitCode() + " though every test it reported passed",
          report);
    }
    return new Verification(Verdict.PASSED, report, Optional.empty());
  }
}
