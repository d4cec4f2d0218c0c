package dev.agentos.schemas.registry;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, under the same keys as Confluent's serializers so that existing
 * configurations carry over.
 *
 * @param url base URL of the registry ({@value #SCHEMA_REGISTRY_URL})
 * @param autoRegisterSchemas register unknown schemas when writing ({@value
 *     #AUTO_REGISTER_SCHEMAS}, default true); when false the schema must already be registered
 * @param specificAvroReader decode into the generated SpecificRecord class named by the writer
 *     schema ({@value #SPECIFIC_AVRO_READER}, default true); when false into GenericRecord
 */
public record RegistrySerdeConfig(
    String url, boolean autoRegisterSchemas, boolean specificAvroReader) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Reads the settings from Kafka client configs; {@code url} is null when absent. */
  public static RegistrySerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    return new RegistrySerdeConfig(
        url == null ? null : url.toString(),
        flag(configs, AUTO_REGISTER_SCHEMAS, true),
        flag(configs, SPECIFIC_AVRO_READER, true));
  }

  /** The registry client these settings point at. */
  SchemaRegistryClient connect() {
    if (url == null || url.isBlank()) {
      throw new ConfigException(
          "Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" (the registry's URL)");
    }
    return SchemaRegistryClient.connect(url);
  }

  private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key, value, "Expected true or false");
  }
}
