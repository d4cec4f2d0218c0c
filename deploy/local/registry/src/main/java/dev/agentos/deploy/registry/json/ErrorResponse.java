package dev.agentos.deploy.registry.json;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Confluent's error body. */
public record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}
