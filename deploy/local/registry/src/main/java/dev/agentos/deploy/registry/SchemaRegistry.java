package dev.agentos.deploy.registry;

import dev.agentos.deploy.registry.json.SchemaRequest;
import dev.agentos.deploy.registry.json.SubjectVersion;
import dev.agentos.deploy.registry.json.SubjectVersionSchema;
import dev.agentos.deploy.registry.store.CompatibilitySet;
import dev.agentos.deploy.registry.store.RegistryEvent;
import dev.agentos.deploy.registry.store.RegistryLog;
import dev.agentos.deploy.registry.store.SchemaRegistered;
import dev.agentos.deploy.registry.store.StoreException;
import dev.agentos.schemas.compat.CompatibilityLevel;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules. A schema gets one global id wherever it is registered; registering it again
 * under the same subject returns that id and writes nothing; a new version must satisfy the
 * subject's compatibility level. Every change is validated first, then written to the log and
 * acknowledged, and only then applied: a refused or unstored request changes nothing.
 */
public final class SchemaRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistry.class);

  private final RegistryLog log;
  private final RegistryState state = new RegistryState();

  private SchemaRegistry(RegistryLog log) {
    this.log = log;
  }

  /** The registry as {@code log} left it. */
  public static SchemaRegistry replay(RegistryLog log) {
    SchemaRegistry registry = new SchemaRegistry(log);
    log.readAll().forEach(registry.state::apply);
    LOG.info(
        "Replayed {} schemas in {} subjects",
        registry.state.schemaCount(),
        registry.state.subjects().size());
    return registry;
  }

  public synchronized int register(String subject, SchemaRequest request) {
    Schema schema = AvroSchemaParser.parse(request);
    NavigableMap<Integer, Integer> versions = state.versions(subject);
    Integer known = state.idOf(schema).orElse(null);
    if (known != null && versions.containsValue(known)) {
      return known;
    }
    List<String> violations = CompatibilityRules.againstSubject(state, subject, schema);
    if (!violations.isEmpty()) {
      throw RegistryErrors.incompatible(
          subject, CompatibilityRules.levelOf(state, subject).name(), violations);
    }
    int id = known != null ? known : state.nextId();
    int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
    store(new SchemaRegistered(subject, version, id, schema.toString()), "registering a schema");
    LOG.info("Registered schema id {} as version {} of subject {}", id, version, subject);
    return id;
  }

  public synchronized SubjectVersionSchema lookup(String subject, SchemaRequest request) {
    Schema schema = AvroSchemaParser.parse(request);
    NavigableMap<Integer, Integer> versions = existingVersions(subject);
    Integer id = state.idOf(schema).orElseThrow(RegistryErrors::schemaNotFound);
    return versions.entrySet().stream()
        .filter(v -> v.getValue().equals(id))
        .map(v -> new SubjectVersionSchema(subject, v.getKey(), id, schema.toString()))
        .findFirst()
        .orElseThrow(RegistryErrors::schemaNotFound);
  }

  public synchronized String schema(int id) {
    return state.schema(id).orElseThrow(() -> RegistryErrors.schemaNotFound(id)).toString();
  }

  public synchronized List<SubjectVersion> usages(int id) {
    schema(id);
    return state.usages(id);
  }

  public synchronized List<String> subjects() {
    return state.subjects();
  }

  public synchronized List<Integer> versions(String subject) {
    return List.copyOf(existingVersions(subject).keySet());
  }

  public synchronized SubjectVersionSchema version(String subject, String version) {
    VersionId versionId = VersionId.parse(version);
    NavigableMap<Integer, Integer> versions = existingVersions(subject);
    int number = versionId.isLatest() ? versions.lastKey() : versionId.number();
    Integer id = versions.get(number);
    if (id == null) {
      throw RegistryErrors.versionNotFound(number);
    }
    return new SubjectVersionSchema(subject, number, id, schema(id));
  }

  /** Why {@code request}'s schema may not follow {@code version} (or, when null, the subject). */
  public synchronized List<String> compatibilityViolations(
      String subject, String version, SchemaRequest request) {
    VersionId versionId = version == null ? null : VersionId.parse(version);
    Schema schema = AvroSchemaParser.parse(request);
    return versionId == null
        ? CompatibilityRules.againstSubject(state, subject, schema)
        : CompatibilityRules.againstVersion(state, subject, versionId, schema);
  }

  public synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  /** The subject's own level; the global one instead only when {@code defaultToGlobal}. */
  public synchronized CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    return state
        .subjectLevel(subject)
        .or(() -> defaultToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
        .orElseThrow(() -> RegistryErrors.subjectLevelConfigNotFound(subject));
  }

  /** Sets the level of {@code subject}, or the global one when it is null. */
  public synchronized CompatibilityLevel setLevel(String subject, String level) {
    CompatibilityLevel parsed = parseLevel(level);
    store(new CompatibilitySet(subject, parsed), "changing the compatibility level");
    LOG.info("Compatibility of {} set to {}", subject == null ? "all subjects" : subject, parsed);
    return parsed;
  }

  private NavigableMap<Integer, Integer> existingVersions(String subject) {
    NavigableMap<Integer, Integer> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryErrors.subjectNotFound(subject);
    }
    return versions;
  }

  private void store(RegistryEvent event, String what) {
    try {
      log.append(event);
    } catch (StoreException e) {
      LOG.error("Store error while {}", what, e);
      throw RegistryErrors.storeError(what, e);
    }
    state.apply(event);
  }

  private static CompatibilityLevel parseLevel(String level) {
    try {
      return CompatibilityLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw RegistryErrors.invalidCompatibilityLevel(level);
    }
  }
}
