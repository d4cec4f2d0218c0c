package dev.agentos.deploy.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body and answer of {@code PUT /config}: the new compatibility level. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigUpdate(String compatibility) {}
