package dev.agentos.executor.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tests a runner reported. The counts are exact however many tests ran; the list keeps the
 * first {@link #MAX_TESTS} so that a report of a hundred thousand tests costs little memory, and
 * says so with {@link #truncated()}.
 *
 * @param tests the tests, in the report's order, at most {@link #MAX_TESTS}
 * @param passed how many passed
 * @param failed how many failed an assertion
 * @param errors how many could not run to one
 * @param skipped how many were not run
 * @param truncated whether tests were left out of the list, or the report itself was cut short
 */
public record TestReport(
    List<TestResult> tests, int passed, int failed, int errors, int skipped, boolean truncated) {

  /**
   * Enough for a suggestion's test suite; the names travel in one Kafka event, whose default limit
   * is 1 MB, and 1,000 names of at most {@link TestResult#MAX_NAME_CHARS} stay well under it.
   */
  static final int MAX_TESTS = 1_000;

  public TestReport {
    tests = List.copyOf(tests);
  }

  public static TestReport empty() {
    return new TestReport(List.of(), 0, 0, 0, 0, false);
  }

  /** The tests that ran: passed, failed or errored, not skipped. */
  public int testsRun() {
    return passed + failed + errors;
  }

  /** Whether any test failed or errored. */
  public boolean anyFailing() {
    return failed + errors > 0;
  }

  public List<String> passedNames() {
    return tests.stream()
        .filter(t -> t.status() == TestStatus.PASSED)
        .map(TestResult::name)
        .toList();
  }

  /** The tests that failed or errored. */
  public List<String> failedNames() {
    return tests.stream().filter(t -> t.status().failing()).map(TestResult::name).toList();
  }

  /** Gathers a report test by test, counting all and keeping the first {@link #MAX_TESTS}. */
  static final class Builder {
    private final List<TestResult> tests = new ArrayList<>();
    private final int[] counts = new int[TestStatus.values().length];
    private boolean truncated;

    Builder add(String name, TestStatus status, Optional<String> message) {
      counts[status.ordinal()]++;
      if (tests.size() < MAX_TESTS) {
        tests.add(new TestResult(name, status, message));
      } else {
        truncated = true;
      }
      return this;
    }

    Builder add(String name, TestStatus status) {
      return add(name, status, Optional.empty());
    }

    /** Marks the report as cut short: its source was longer than what was read. */
    Builder truncated() {
      truncated = true;
      return this;
    }

    TestReport build() {
      return new TestReport(
          tests,
          counts[TestStatus.PASSED.ordinal()],
          counts[TestStatus.FAILED.ordinal()],
          counts[TestStatus.ERROR.ordinal()],
          counts[TestStatus.SKIPPED.ordinal()],
          truncated);
    }
  }
}
