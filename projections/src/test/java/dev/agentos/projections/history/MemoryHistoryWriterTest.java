package dev.agentos.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.history.HistoryRow;
import dev.agentos.readmodels.history.MemoryHistoryFold;
import dev.agentos.readmodels.history.MemoryVersion;
import dev.agentos.schemas.fixtures.MemoryEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The history writer's rules without a server: a row per event keyed by its sequence (a redelivery
 * writes the same row), versions that do not depend on the order rows arrived in, and refusals told
 * from outages.
 */
class MemoryHistoryWriterTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private final MemoryEvents events = new MemoryEvents("t1", "m1");

  /** The table as Cassandra keeps it: one row per sequence, read in sequence order. */
  private static final class Table implements HistoryTable {
    final Map<Long, HistoryRow> rows = new TreeMap<>();
    int writes;

    @Override
    public void write(List<HistoryRow> batch) {
      for (HistoryRow row : batch) {
        if ("refused".equals(row.content())) {
          throw new InvalidQueryException(null, "value too large for content");
        }
      }
      writes++;
      batch.forEach(row -> rows.put(row.sequence(), row));
    }

    List<MemoryVersion> versions() {
      return MemoryHistoryFold.versions(List.copyOf(rows.values()));
    }
  }

  private final Table table = new Table();
  private final MemoryHistoryWriter writer = new MemoryHistoryWriter(table);

  private List<HistoryRow> life() {
    return MemoryHistoryFoldTest.stream(
        events.stored(T0, "first"),
        events.updated(T0.plusSeconds(1), "second"),
        events.related(T0.plusSeconds(2), "r1", "m2"),
        events.unrelated(T0.plusSeconds(3), "r1", "m2"),
        events.superseded(T0.plusSeconds(4), "m9"),
        events.deleted(T0.plusSeconds(5)));
  }

  @Test
  void aRedeliveredBatchWritesTheSameRowsAndLeavesTheVersionsAsTheyWere() {
    List<HistoryRow> rows = life();
    writer.write(rows);
    Map<Long, HistoryRow> first = new TreeMap<>(table.rows);
    List<MemoryVersion> versions = table.versions();

    // Redelivered: the whole batch, then an overlapping tail, as a crash before the token is stored
    // and a replay would hand them over again.
    writer.write(rows);
    writer.write(rows.subList(3, rows.size()));

    assertThat(table.rows).isEqualTo(first);
    assertThat(table.versions()).isEqualTo(versions).hasSize(6);
  }

  @Test
  void rowsArrivingOutOfOrderShowOnlyTheUnbrokenStartUntilTheGapIsFilled() {
    List<HistoryRow> rows = life();
    List<MemoryVersion> inOrder = MemoryHistoryFold.versions(rows);

    writer.write(List.of(rows.get(2), rows.get(0)));
    assertThat(table.versions())
        .as("version 2 waits for 1")
        .extracting(MemoryVersion::version)
        .containsExactly(0L);

    writer.write(List.of(rows.get(5), rows.get(4), rows.get(3)));
    assertThat(table.versions()).extracting(MemoryVersion::version).containsExactly(0L);

    writer.write(List.of(rows.get(1)));
    assertThat(table.versions()).isEqualTo(inOrder);
    assertThat(table.versions().get(2).content())
        .as("the relation's version carries the update written after it")
        .isEqualTo("second");
  }

  @Test
  void aRowOfAnEventIsTheSameWhateverArrivedBefore() {
    var updated = events.updated(T0.plusSeconds(1), "second");

    assertThat(HistoryRows.of(updated, 1)).isEqualTo(HistoryRows.of(updated, 1));
    assertThat(HistoryRows.of(updated, 1).contextId())
        .as("an update does not carry the context: the fold keeps the stored one")
        .isNull();
  }

  @Test
  void aRowTheTableRefusesForGoodIsAnsweredAloneAndTheOthersAreWritten() {
    List<HistoryRow> rows = new ArrayList<>(life().subList(0, 2));
    rows.add(HistoryRows.of(events.updated(T0.plusSeconds(2), "refused"), 2));

    List<Refusal<HistoryRow>> refused = writer.write(rows);

    assertThat(refused).extracting(Refusal::item).containsExactly(rows.get(2));
    assertThat(refused.get(0).reason())
        .contains("MemoryUpdated 2 of memory m1")
        .contains("value too large for content");
    assertThat(refused.get(0).errorClass()).isEqualTo(InvalidQueryException.class.getName());
    assertThat(table.rows).containsOnlyKeys(0L, 1L);
  }

  @Test
  void anOutageIsThrownForTheProcessorToRetryTheBatch() {
    MemoryHistoryWriter down =
        new MemoryHistoryWriter(
            batch -> {
              throw new DriverTimeoutException("Query timed out after PT10S");
            });

    assertThatThrownBy(() -> down.write(life())).isInstanceOf(DriverTimeoutException.class);
  }
}
