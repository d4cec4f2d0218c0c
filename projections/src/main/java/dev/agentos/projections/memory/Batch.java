package dev.agentos.projections.memory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.agentos.readmodels.memory.MemoryRow;
import dev.agentos.readmodels.memory.MemoryTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One processor batch of read-model writes: the memory rows and access tallies it reads (each read
 * once, then changed in memory event after event) and the statements it will send, in stages.
 *
 * <p>Why stages: a redelivered event is recognised by what the rows already hold (a memory row's
 * {@code version}, a tally's last offset), so those rows must be written only after everything the
 * event changed elsewhere. Statements of one stage run concurrently; a stage starts when the
 * previous one has finished. A crash between stages leaves the rows as they were, and the
 * redelivered batch writes everything again, to the same values.
 */
final class Batch {

  /** When a statement runs, relative to the others of its batch. */
  enum Stage {
    /** List rows, members, relations, contexts, access tallies: what the rows point to. */
    DEPENDENTS,
    /** {@code memories_by_id}: the state that tells a redelivery it was applied. */
    ROWS,
    /** What may go only once the rows have moved: a merged context's old members. */
    CLEANUP
  }

  record MemoryKey(String tenantId, String memoryId) {}

  record TallyKey(String tenantId, String memoryId, String reader) {}

  /**
   * How often one reader read one memory, and the ids of the last {@value #EVENT_IDS_KEPT} access
   * events it counted: a duplicate of one of them (a redelivery, or the same event published twice)
   * is not counted again.
   */
  record Tally(long count, List<String> recentEventIds) {
    static final int EVENT_IDS_KEPT = 64;
    static final Tally NONE = new Tally(0, List.of());

    boolean counted(String eventId) {
      return recentEventIds.contains(eventId);
    }

    Tally plusOne(String eventId) {
      List<String> ids = new ArrayList<>(recentEventIds);
      ids.add(eventId);
      return new Tally(
          count + 1,
          List.copyOf(ids.subList(Math.max(0, ids.size() - EVENT_IDS_KEPT), ids.size())));
    }
  }

  private static final class Slot {
    final MemoryRow before;
    MemoryRow current;

    Slot(MemoryRow before) {
      this.before = before;
      this.current = before;
    }
  }

  private final CqlSession session;
  private final Statements statements;
  private final WriteClock clock;
  private final Map<MemoryKey, Slot> memories = new LinkedHashMap<>();
  private final Map<TallyKey, Tally> talliesRead = new HashMap<>();
  private final Map<TallyKey, Tally> talliesChanged = new LinkedHashMap<>();
  private final Map<Stage, List<Statement<?>>> staged = new EnumMap<>(Stage.class);
  private final PartitionBatches partitions = new PartitionBatches();

  Batch(CqlSession session, Statements statements, WriteClock clock) {
    this.session = session;
    this.statements = statements;
    this.clock = clock;
    for (Stage stage : Stage.values()) {
      staged.put(stage, new ArrayList<>());
    }
  }

  /** Reads, concurrently, the memory rows of {@code keys} this batch has not read yet. */
  void readMemories(Collection<MemoryKey> keys) {
    List<MemoryKey> missing =
        keys.stream().distinct().filter(k -> !memories.containsKey(k)).toList();
    List<Optional<MemoryRow>> rows =
        AsyncStatements.map(
            session,
            missing.stream()
                .map(k -> statements.selectMemory.bind(k.tenantId(), k.memoryId()))
                .toList(),
            result -> Optional.ofNullable(result.one()).map(MemoryTables::toRow));
    for (int i = 0; i < missing.size(); i++) {
      memories.put(missing.get(i), new Slot(rows.get(i).orElse(null)));
    }
  }

  /** The memory as the events so far leave it; empty if it was never stored. */
  Optional<MemoryRow> memory(String tenantId, String memoryId) {
    MemoryKey key = new MemoryKey(tenantId, memoryId);
    if (!memories.containsKey(key)) {
      readMemories(List.of(key));
    }
    return Optional.ofNullable(memories.get(key).current);
  }

  /** The memory's new state, written (with its list rows) when the batch is. */
  void put(MemoryRow row) {
    MemoryKey key = new MemoryKey(row.tenantId(), row.memoryId());
    if (!memories.containsKey(key)) {
      readMemories(List.of(key));
    }
    memories.get(key).current = row;
  }

  /** Reads, concurrently, the access tallies of {@code keys} this batch has not read yet. */
  void readTallies(Collection<TallyKey> keys) {
    List<TallyKey> missing =
        keys.stream().distinct().filter(k -> !talliesRead.containsKey(k)).toList();
    List<Tally> tallies =
        AsyncStatements.map(
            session,
            missing.stream()
                .map(k -> statements.selectTally.bind(k.tenantId(), k.memoryId(), k.reader()))
                .toList(),
            result -> {
              Row row = result.one();
              return row == null
                  ? Tally.NONE
                  : new Tally(
                      row.getLong("access_count"), row.getList("recent_event_ids", String.class));
            });
    for (int i = 0; i < missing.size(); i++) {
      talliesRead.put(missing.get(i), tallies.get(i));
    }
  }

  Tally tally(TallyKey key) {
    Tally changed = talliesChanged.get(key);
    if (changed != null) {
      return changed;
    }
    if (!talliesRead.containsKey(key)) {
      readTallies(List.of(key));
    }
    return talliesRead.get(key);
  }

  void put(TallyKey key, Tally tally) {
    talliesChanged.put(key, tally);
  }

  /**
   * Sends {@code statement} in the first stage, in one unlogged batch with the others of its
   * partition: only for rows whose writes within a batch cannot depend on their order (see {@link
   * PartitionBatches}).
   */
  void addToPartition(BoundStatement statement) {
    partitions.add(statement, 0);
  }

  /** Sends {@code statement} in {@code stage}, ordered after everything added before it. */
  void add(Stage stage, BoundStatement statement) {
    staged.get(stage).add(statement.setQueryTimestamp(clock.next()));
  }

  /**
   * Sends {@code statement} in {@code stage} with its event's time as write timestamp: for rows
   * that events of several streams write (a context closed by another context's merge, the last
   * access of a memory read in many sessions), so the latest event wins in whatever order they are
   * applied. Such a table is only ever written this way.
   */
  void addAtEventTime(Stage stage, BoundStatement statement, Instant occurredAt) {
    staged.get(stage).add(statement.setQueryTimestamp(WriteClock.micros(occurredAt)));
  }

  /** Sends everything: the changed memories' list rows and rows, the tallies; then forgets it. */
  void write() {
    write(Stage.CLEANUP);
  }

  /** Sends the stages up to {@code last} only: what a crash after that stage leaves behind. */
  void write(Stage last) {
    Instant now = clock.now();
    ListRows lists = new ListRows(statements, partitions);
    List<Statement<?>> rows = new ArrayList<>();
    for (Slot slot : memories.values()) {
      if (slot.current != null && slot.current != slot.before) {
        lists.change(slot.before, slot.current, now);
        rows.add(statements.insertMemory(slot.current).setQueryTimestamp(clock.next()));
      }
    }
    talliesChanged.forEach(
        (k, t) ->
            partitions.add(
                statements.upsertTally.bind(
                    k.tenantId(), k.memoryId(), k.reader(), t.count(), t.recentEventIds()),
                t.recentEventIds().size() * 40));
    List<Statement<?>> dependents = new ArrayList<>(staged.get(Stage.DEPENDENTS));
    dependents.addAll(partitions.drain(clock));
    rows.addAll(staged.get(Stage.ROWS));
    AsyncStatements.run(session, dependents);
    if (last.compareTo(Stage.ROWS) >= 0) {
      AsyncStatements.run(session, rows);
    }
    if (last.compareTo(Stage.CLEANUP) >= 0) {
      AsyncStatements.run(session, staged.get(Stage.CLEANUP));
    }
    memories.clear();
    talliesRead.clear();
    talliesChanged.clear();
    staged.values().forEach(List::clear);
  }
}
