package dev.agentos.command.suggestion.api;

import dev.agentos.command.CommandOrigin;
import dev.agentos.events.executions.VerificationVerdict;
import java.util.List;

/**
 * Sent by the executor once the execution that ran a verification's tests has ended: the verdict
 * and each test's result, parsed from the test runner's own report. The counts and the names of the
 * passed and failed tests are derived from {@code tests}, never sent apart, so they always agree.
 */
public record CompleteVerificationCommand(
    String verificationId,
    String executionId,
    VerificationVerdict verdict,
    List<TestCase> tests,
    CommandOrigin origin) {}
