package dev.agentos.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.schemas.topics.GeneratedRecords;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Every event schema stays BACKWARD compatible with every version of it already released (its
 * baselines), so consumers upgraded first can always read what older producers wrote and the
 * registry accepts the change. A failure here is fixed by making the change compatible (a new field
 * needs a default), not by editing a baseline.
 */
class SchemaEvolutionTest {

  private static final String HOW_TO_ADD =
      "record its baseline with dev.agentos.schemas.compat.BaselineWriter (see its Javadoc)";

  private final SchemaBaselines baselines = SchemaBaselines.onClasspath();

  @Test
  void everyEventHasABaseline() {
    List<String> missing =
        GeneratedRecords.events().stream()
            .map(Class::getName)
            .filter(name -> baselines.versions(name).isEmpty())
            .toList();

    assertThat(missing).as("events without a baseline: " + HOW_TO_ADD).isEmpty();
  }

  @Test
  void everyBaselineBelongsToAnEvent() {
    // Deleting or renaming an event breaks its consumers just as surely as changing it.
    List<String> events = GeneratedRecords.events().stream().map(Class::getName).toList();

    assertThat(events).as("events still generated").containsAll(baselines.recordNames());
  }

  @Test
  void everyEventIsBackwardCompatibleWithEveryBaseline() {
    List<String> problems = new ArrayList<>();
    for (Class<?> event : GeneratedRecords.events()) {
      Schema current = GeneratedRecords.schemaOf(event);
      List<Schema> versions = baselines.versions(current.getFullName());
      for (int v = 0; v < versions.size(); v++) {
        for (String problem : BackwardCheck.violations(current, versions.get(v))) {
          problems.add("v" + (v + 1) + " -> current, " + problem);
        }
      }
    }

    assertThat(problems).as("BACKWARD-incompatible schema changes").isEmpty();
  }
}
