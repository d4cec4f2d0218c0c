package dev.agentos.client.command;

import java.time.Instant;
import java.util.Set;

/**
 * An issued key: {@code key} is in this answer only (the command side keeps its hash), {@code
 * keyPrefix} is what lists and logs show of it.
 */
public record IssuedApiKey(
    String agentId,
    String keyId,
    String key,
    String keyPrefix,
    Set<String> scopes,
    Instant expiresAt,
    long version) {}
