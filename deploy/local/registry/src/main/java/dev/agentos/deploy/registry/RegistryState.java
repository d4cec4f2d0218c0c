package dev.agentos.deploy.registry;

import dev.agentos.deploy.registry.json.SubjectVersion;
import dev.agentos.deploy.registry.store.CompatibilitySet;
import dev.agentos.deploy.registry.store.RegistryEvent;
import dev.agentos.deploy.registry.store.SchemaRegistered;
import dev.agentos.schemas.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * What the log says, indexed for answering: schemas by global id, ids by canonical text, each
 * subject's versions, and the compatibility levels. Changes only through {@link #apply}; not
 * thread-safe (the {@link SchemaRegistry} serialises access).
 */
final class RegistryState {

  static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final TreeMap<String, TreeMap<Integer, Integer>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  private int maxId;

  void apply(RegistryEvent event) {
    if (event instanceof SchemaRegistered e) {
      Schema schema = new Schema.Parser().parse(e.schema());
      schemas.putIfAbsent(e.id(), schema);
      idsByCanonical.putIfAbsent(schema.toString(), e.id());
      subjects.computeIfAbsent(e.subject(), s -> new TreeMap<>()).put(e.version(), e.id());
      maxId = Math.max(maxId, e.id());
    } else if (event instanceof CompatibilitySet e) {
      if (e.subject() == null) {
        globalLevel = e.level();
      } else {
        subjectLevels.put(e.subject(), e.level());
      }
    }
  }

  Optional<Schema> schema(int id) {
    return Optional.ofNullable(schemas.get(id));
  }

  Optional<Integer> idOf(Schema schema) {
    return Optional.ofNullable(idsByCanonical.get(schema.toString()));
  }

  int nextId() {
    return maxId + 1;
  }

  List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  /** Version number to schema id, oldest first; empty for an unknown subject. */
  NavigableMap<Integer, Integer> versions(String subject) {
    return subjects.getOrDefault(subject, new TreeMap<>());
  }

  List<SubjectVersion> usages(int id) {
    List<SubjectVersion> usages = new ArrayList<>();
    subjects.forEach(
        (subject, versions) ->
            versions.forEach(
                (version, versionId) -> {
                  if (versionId == id) {
                    usages.add(new SubjectVersion(subject, version));
                  }
                }));
    return usages;
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  int schemaCount() {
    return schemas.size();
  }
}
