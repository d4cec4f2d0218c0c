package dev.agentos.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers the answers that cannot change: a global id always names the same schema, a schema
 * keeps its id under a subject, and a version of a subject is never rewritten. Serializers call the
 * registry once per schema, not once per record. {@code getLatest} and compatibility checks always
 * ask.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistryClient delegate;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<SubjectVersion, RegisteredSchema> versions = new ConcurrentHashMap<>();

  public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> remember(delegate.register(subject, schema), schema));
  }

  @Override
  public int getId(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> remember(delegate.getId(subject, schema), schema));
  }

  @Override
  public Schema getById(int id) {
    return schemasById.computeIfAbsent(id, delegate::getById);
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return remember(delegate.getLatest(subject));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    RegisteredSchema known = versions.get(new SubjectVersion(subject, version));
    return known != null ? known : remember(delegate.getVersion(subject, version));
  }

  @Override
  public CompatibilityCheck testCompatibility(String subject, Schema schema) {
    return delegate.testCompatibility(subject, schema);
  }

  private int remember(int id, Schema schema) {
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private RegisteredSchema remember(RegisteredSchema registered) {
    remember(registered.id(), registered.schema());
    idsBySubjectSchema.putIfAbsent(
        new SubjectSchema(registered.subject(), registered.schema()), registered.id());
    versions.putIfAbsent(
        new SubjectVersion(registered.subject(), registered.version()), registered);
    return registered;
  }

  private record SubjectSchema(String subject, Schema schema) {}

  private record SubjectVersion(String subject, int version) {}
}
