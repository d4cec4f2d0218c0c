package dev.agentos.deploy.registry;

import dev.agentos.schemas.compat.CompatibilityLevel;
import java.util.List;
import java.util.NavigableMap;
import org.apache.avro.Schema;

/**
 * Which earlier versions a schema is checked against, under which level. The level is the subject's
 * own, else the global one (BACKWARD unless changed). A registration, and a check without a
 * version, is checked against the subject's versions as the level says (the latest, or all for the
 * transitive levels); a check against a named version, or {@code latest}, against that version
 * only. The rules themselves are Avro's, in {@link CompatibilityLevel}.
 */
final class CompatibilityRules {

  private CompatibilityRules() {}

  static CompatibilityLevel levelOf(RegistryState state, String subject) {
    return state.subjectLevel(subject).orElse(state.globalLevel());
  }

  /** Violations of {@code candidate} against every version of {@code subject} the level names. */
  static List<String> againstSubject(RegistryState state, String subject, Schema candidate) {
    List<Schema> previous = schemas(state, state.versions(subject));
    return levelOf(state, subject).violations(candidate, previous);
  }

  /**
   * Violations of {@code candidate} against one version; none when the subject has no version yet
   * and {@code latest} is asked.
   */
  static List<String> againstVersion(
      RegistryState state, String subject, VersionId version, Schema candidate) {
    NavigableMap<Integer, Integer> versions = state.versions(subject);
    if (versions.isEmpty()) {
      if (version.isLatest()) {
        return List.of();
      }
      throw RegistryErrors.subjectNotFound(subject);
    }
    Integer id =
        version.isLatest() ? versions.lastEntry().getValue() : versions.get(version.number());
    if (id == null) {
      throw RegistryErrors.versionNotFound(version.number());
    }
    Schema earlier = state.schema(id).orElseThrow();
    return levelOf(state, subject).violations(candidate, List.of(earlier));
  }

  private static List<Schema> schemas(
      RegistryState state, NavigableMap<Integer, Integer> versions) {
    return versions.values().stream().map(id -> state.schema(id).orElseThrow()).toList();
  }
}
