package dev.agentos.deploy.registry.json;

/** {@code GET /config}: the compatibility level in force. */
public record ConfigResponse(String compatibilityLevel) {}
