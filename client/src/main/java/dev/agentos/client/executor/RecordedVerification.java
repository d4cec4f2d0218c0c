package dev.agentos.client.executor;

/** A verification's result as recorded, in its suggestion's stream at {@code version}. */
public record RecordedVerification(
    String verificationId, String suggestionId, String executionId, long version) {}
