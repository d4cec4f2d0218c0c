package dev.agentos.schemas.registry;

import dev.agentos.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The registry's rules without HTTP, for unit tests here and in other modules (published in the
 * schemas test-jar): ids global per schema, BACKWARD checks.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();
  int calls;

  @Override
  public synchronized int register(String subject, Schema schema) {
    calls++;
    List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    Integer id = idOf(schema);
    if (id != null && versions.contains(id)) {
      return id;
    }
    List<String> violations =
        CompatibilityLevel.BACKWARD.violations(
            schema, versions.stream().map(schemas::get).toList());
    if (!violations.isEmpty()) {
      throw new SchemaRegistryException(409, 409, "incompatible: " + violations, null);
    }
    int assigned = id != null ? id : schemas.size() + 1;
    schemas.put(assigned, schema);
    versions.add(assigned);
    return assigned;
  }

  @Override
  public synchronized int getId(String subject, Schema schema) {
    calls++;
    List<Integer> versions = subjects.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
    }
    Integer id = idOf(schema);
    if (id == null || !versions.contains(id)) {
      throw new SchemaRegistryException(404, 40403, "Schema not found", null);
    }
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    calls++;
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found", null);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema getLatest(String subject) {
    List<Integer> versions = subjects.get(subject);
    return getVersion(subject, versions == null ? 1 : versions.size());
  }

  @Override
  public synchronized RegisteredSchema getVersion(String subject, int version) {
    calls++;
    List<Integer> versions = subjects.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
    }
    if (version < 1 || version > versions.size()) {
      throw new SchemaRegistryException(404, 40402, "Version " + version + " not found.", null);
    }
    int id = versions.get(version - 1);
    return new RegisteredSchema(subject, version, id, schemas.get(id));
  }

  @Override
  public synchronized CompatibilityCheck testCompatibility(String subject, Schema schema) {
    calls++;
    List<Schema> previous =
        subjects.getOrDefault(subject, List.of()).stream().map(schemas::get).toList();
    List<String> violations = CompatibilityLevel.BACKWARD.violations(schema, previous);
    return new CompatibilityCheck(violations.isEmpty(), violations);
  }

  private Integer idOf(Schema schema) {
    return schemas.entrySet().stream()
        .filter(e -> e.getValue().equals(schema))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }
}
