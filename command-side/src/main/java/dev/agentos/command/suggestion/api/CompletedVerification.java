package dev.agentos.command.suggestion.api;

/**
 * The answer to {@link CompleteVerificationCommand}: the verification's result is recorded.
 *
 * @param version the suggestion's version after it
 */
public record CompletedVerification(
    String verificationId, String suggestionId, String executionId, long version) {}
