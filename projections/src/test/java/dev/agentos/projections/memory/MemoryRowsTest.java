package dev.agentos.projections.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryType;
import dev.agentos.readmodels.memory.MemoryRow;
import dev.agentos.readmodels.memory.MemoryState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryRowsTest {

  private final TestEvents events = new TestEvents("t1", "p1");
  private final Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
  private final Instant t1 = t0.plusSeconds(60);

  @Test
  void storedTakesScopeFromTheHeaderAndStartsAtVersionZero() {
    MemoryRow row = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, t0, "a", "b"));

    assertThat(row.tenantId()).isEqualTo("t1");
    assertThat(row.projectId()).isEqualTo("p1");
    assertThat(row.contextId()).isEqualTo("c1");
    assertThat(row.sessionId()).isEqualTo("session-1");
    assertThat(row.type()).isEqualTo("FACT");
    assertThat(row.tags()).containsExactlyInAnyOrder("a", "b");
    assertThat(row.metadata()).containsEntry("file", "m1.java");
    assertThat(row.state()).isEqualTo(MemoryState.ACTIVE);
    assertThat(row.createdAt()).isEqualTo(t0);
    assertThat(row.version()).isZero();
  }

  @Test
  void updatedReplacesTheMutableFieldsAndKeepsCreation() {
    MemoryRow before = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, t0, "a"));

    MemoryRow after =
        MemoryRows.updated(before, events.updated("m1", MemoryType.DECISION, "new", t1, "z"), 1);

    assertThat(after.content()).isEqualTo("new");
    assertThat(after.type()).isEqualTo("DECISION");
    assertThat(after.tags()).containsExactly("z");
    assertThat(after.createdAt()).isEqualTo(t0);
    assertThat(after.updatedAt()).isEqualTo(t1);
    assertThat(after.contextId()).isEqualTo("c1");
    assertThat(after.version()).isEqualTo(1);
  }

  @Test
  void supersededIsNoLongerListed() {
    MemoryRow before = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, t0));

    MemoryRow after = MemoryRows.superseded(before, events.superseded("m1", "m2", t1), 3);

    assertThat(after.state()).isEqualTo(MemoryState.SUPERSEDED);
    assertThat(after.supersededBy()).isEqualTo("m2");
    assertThat(after.listed()).isFalse();
    assertThat(after.content()).isEqualTo(before.content());
  }

  @Test
  void deletedForgetsTheContentButKeepsTheRow() {
    MemoryRow before = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, t0, "a"));

    MemoryRow after = MemoryRows.deleted(before, events.deleted("m1", t1), 2);

    assertThat(after.state()).isEqualTo(MemoryState.DELETED);
    assertThat(after.content()).isNull();
    assertThat(after.tags()).isEmpty();
    assertThat(after.metadata()).isEmpty();
    assertThat(after.memoryId()).isEqualTo("m1");
  }

  @Test
  void aCollapsedDuplicateMovesToTheTargetMarkedWithTheMemoryKept() {
    MemoryRow before = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, t0));

    MemoryRow after = MemoryRows.collapsed(before, "m9", "c2", t1);

    assertThat(after.contextId()).isEqualTo("c2");
    assertThat(after.collapsedInto()).isEqualTo("m9");
    assertThat(after.supersededBy()).isEqualTo("m9");
    assertThat(after.listed()).isFalse();
    assertThat(after.version()).isEqualTo(before.version());
  }
}
