package dev.agentos.deploy.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of a registration, lookup or compatibility check. Fields this registry does not use
 * (Confluent's {@code metadata}, {@code ruleSet} ...) are ignored, as Confluent's clients send
 * them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaRequest(String schema, String schemaType, List<JsonNode> references) {}
