package dev.agentos.deploy.registry.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.schemas.compat.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Key and value of a {@code _schemas} record, laid out as Confluent's registry lays out its own
 * topic. Compaction keeps the last value per key: one key per subject version (so every
 * registration is kept) and one per subject's (or the global) compatibility level (so the last
 * setting wins). Keys must serialise identically every time, which field order guarantees.
 */
public final class RegistryRecordCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private RegistryRecordCodec() {}

  public static byte[] key(RegistryEvent event) {
    ObjectNode key = JSON.createObjectNode();
    if (event instanceof SchemaRegistered e) {
      key.put("keytype", "SCHEMA");
      key.put("subject", e.subject());
      key.put("version", e.version());
      key.put("magic", 1);
    } else if (event instanceof CompatibilitySet e) {
      key.put("keytype", "CONFIG");
      key.put("subject", e.subject());
      key.put("magic", 0);
    }
    return bytes(key);
  }

  public static byte[] value(RegistryEvent event) {
    ObjectNode value = JSON.createObjectNode();
    if (event instanceof SchemaRegistered e) {
      value.put("subject", e.subject());
      value.put("version", e.version());
      value.put("id", e.id());
      value.put("schema", e.schema());
      value.put("deleted", false);
    } else if (event instanceof CompatibilitySet e) {
      value.put("compatibilityLevel", e.level().name());
    }
    return bytes(value);
  }

  /**
   * The event a record holds; empty for records this registry does not write (tombstones, other key
   * types of a Confluent-written topic, deleted versions).
   */
  public static Optional<RegistryEvent> decode(byte[] key, byte[] value) {
    if (key == null || value == null) {
      return Optional.empty();
    }
    JsonNode k = read(key);
    JsonNode v = read(value);
    String subject = v.path("subject").isTextual() ? v.get("subject").asText() : null;
    switch (k.path("keytype").asText()) {
      case "SCHEMA":
        if (v.path("deleted").asBoolean(false)) {
          return Optional.empty();
        }
        return Optional.of(
            new SchemaRegistered(
                subject, v.get("version").asInt(), v.get("id").asInt(), v.get("schema").asText()));
      case "CONFIG":
        String keySubject = k.path("subject").isTextual() ? k.get("subject").asText() : null;
        return Optional.of(
            new CompatibilitySet(
                keySubject, CompatibilityLevel.valueOf(v.get("compatibilityLevel").asText())));
      default:
        return Optional.empty();
    }
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new StoreException(
          "Unreadable _schemas record: " + new String(bytes, StandardCharsets.UTF_8), e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }
}
