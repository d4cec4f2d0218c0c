package dev.agentos.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The schema-evolution rules of the Confluent Schema Registry, decided by Avro's own {@link
 * SchemaCompatibility}. BACKWARD: consumers on the new schema read data written with the previous
 * one. FORWARD: consumers on the previous schema read data written with the new one. FULL: both.
 * The transitive variants check against every earlier version, not just the latest.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /**
   * Why {@code candidate} may not follow {@code previous} (oldest first) under this level; empty
   * when it may.
   */
  public List<String> violations(Schema candidate, List<Schema> previous) {
    if (this == NONE || previous.isEmpty()) {
      return List.of();
    }
    List<Schema> against =
        name().endsWith("_TRANSITIVE") ? previous : List.of(previous.get(previous.size() - 1));
    List<String> problems = new ArrayList<>();
    for (Schema earlier : against) {
      if (checksBackward()) {
        problems.addAll(
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier)));
      }
      if (checksForward()) {
        problems.addAll(
            describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate)));
      }
    }
    return problems;
  }

  private boolean checksBackward() {
    return name().startsWith("BACKWARD") || name().startsWith("FULL");
  }

  private boolean checksForward() {
    return name().startsWith("FORWARD") || name().startsWith("FULL");
  }

  private static List<String> describe(SchemaPairCompatibility result) {
    List<String> problems = new ArrayList<>();
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(
          incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + ": "
              + incompatibility.getMessage()
              + " (reader "
              + result.getReader().getFullName()
              + ", writer "
              + result.getWriter().getFullName()
              + ")");
    }
    return problems;
  }
}
