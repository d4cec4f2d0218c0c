package dev.agentos.deploy.registry;

import dev.agentos.deploy.registry.json.SchemaRequest;
import org.apache.avro.Schema;

/**
 * Turns a request body into an Avro schema, refusing what this registry does not serve. Schemas are
 * compared and stored in Avro's canonical JSON ({@link Schema#toString()}), as Confluent does, so
 * the same schema sent with other whitespace gets the same id.
 */
final class AvroSchemaParser {

  private AvroSchemaParser() {}

  static Schema parse(SchemaRequest request) {
    if (request.schemaType() != null && !request.schemaType().equalsIgnoreCase("AVRO")) {
      throw RegistryErrors.invalidSchema(
          "schema type "
              + request.schemaType()
              + " is not supported: this registry serves AVRO only");
    }
    if (request.references() != null && !request.references().isEmpty()) {
      throw RegistryErrors.invalidSchema(
          "schema references are not supported by this registry; inline the referenced types");
    }
    if (request.schema() == null || request.schema().isBlank()) {
      throw RegistryErrors.invalidSchema("the request has no schema");
    }
    try {
      return new Schema.Parser().parse(request.schema());
    } catch (RuntimeException e) {
      // Jackson's parse errors run over several lines of location detail: the first says it.
      String message = String.valueOf(e.getMessage());
      throw RegistryErrors.invalidSchema(message.lines().findFirst().orElse(message));
    }
  }
}
