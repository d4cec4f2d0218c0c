package dev.agentos.command.suggestion;

import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.suggestion.api.TestCase;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the executor's list of tests into {@code VerificationCompleted}: counts and names derived
 * from the list (ERROR counts as failed; a skipped test is counted apart and not as run), within
 * {@link FieldLimits#TESTS} tests of {@link FieldLimits#TEST_NAME} characters. A PASSED verdict
 * needs a passed test and no failed one: a run of no tests, or of failing ones, proves nothing
 * about the suggestion.
 */
final class VerificationTally {

  private VerificationTally() {}

  static VerificationCompleted completed(
      EventHeader header,
      String verificationId,
      String suggestionId,
      String executionId,
      VerificationVerdict verdict,
      List<TestCase> tests) {
    if (verdict == null) {
      throw new InvalidCommandException("verdict", "must be PASSED, FAILED or ERROR");
    }
    if (tests == null) {
      throw new InvalidCommandException("tests", "list the tests, or none when none ran");
    }
    if (tests.size() > FieldLimits.TESTS) {
      throw new InvalidCommandException(
          "tests", "must hold at most " + FieldLimits.TESTS + " tests, held " + tests.size());
    }
    List<String> passed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < tests.size(); i++) {
      TestCase test = tests.get(i);
      String field = "tests[" + i + "]";
      if (test == null || test.result() == null) {
        throw new InvalidCommandException(
            field + ".result", "must be PASSED, FAILED, SKIPPED or ERROR");
      }
      if (test.name() == null || test.name().isBlank()) {
        throw new InvalidCommandException(field + ".name", "must not be blank");
      }
      FieldLimits.requireLength(field + ".name", test.name(), FieldLimits.TEST_NAME);
      switch (test.result()) {
        case PASSED -> passed.add(test.name());
        case FAILED, ERROR -> failed.add(test.name());
        case SKIPPED -> skipped++;
      }
    }
    if (verdict == VerificationVerdict.PASSED && (passed.isEmpty() || !failed.isEmpty())) {
      throw new InvalidCommandException(
          "verdict",
          "PASSED needs at least one passed test and no failed one; "
              + passed.size()
              + " passed, "
              + failed.size()
              + " failed");
    }
    return VerificationCompleted.newBuilder()
        .setHeader(header)
        .setVerificationId(verificationId)
        .setSuggestionId(suggestionId)
        .setExecutionId(executionId)
        .setVerdict(verdict)
        // A skipped test did not run: testsRun is passed + failed, as the schema's doc reads.
        .setTestsRun(passed.size() + failed.size())
        .setPassed(passed.size())
        .setFailed(failed.size())
        .setSkipped(skipped)
        .setPassedTestNames(passed)
        .setFailedTestNames(failed)
        .build();
  }
}
