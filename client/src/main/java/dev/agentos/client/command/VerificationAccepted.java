package dev.agentos.client.command;

/** A verification requested, with the execution that runs its tests. */
public record VerificationAccepted(
    String verificationId, String executionId, String suggestionId, long version) {}
