package dev.agentos.schemas.registry;

import org.apache.avro.Schema;

/**
 * The calls of the Confluent Schema Registry REST API that producers and consumers need. Every
 * failure is a {@link SchemaRegistryException} carrying the registry's {@code error_code}.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (or finds it there) and returns its id. */
  int register(String subject, Schema schema);

  /** The id of {@code schema} under {@code subject}, without registering it. */
  int getId(String subject, Schema schema);

  /** The schema with this global id. */
  Schema getById(int id);

  /** The newest version registered under {@code subject}. */
  RegisteredSchema getLatest(String subject);

  /** One version registered under {@code subject}. */
  RegisteredSchema getVersion(String subject, int version);

  /**
   * Whether {@code schema} may be registered next under {@code subject}, with the registry's
   * reasons when it may not.
   */
  CompatibilityCheck testCompatibility(String subject, Schema schema);

  /** A client of the registry at {@code baseUrl} that remembers what cannot change. */
  static SchemaRegistryClient connect(String baseUrl) {
    return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(baseUrl));
  }
}
