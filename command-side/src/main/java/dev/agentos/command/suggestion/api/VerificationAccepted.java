package dev.agentos.command.suggestion.api;

/**
 * The answer to {@link VerifySuggestionCommand}: the verification and the execution that will run
 * its tests are recorded; the tests themselves have not run yet.
 *
 * @param version the suggestion's version after the request
 */
public record VerificationAccepted(
    String verificationId, String executionId, String suggestionId, long version) {}
