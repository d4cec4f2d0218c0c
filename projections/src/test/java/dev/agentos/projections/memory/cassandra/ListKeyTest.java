package dev.agentos.projections.memory.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListKeyTest {

  private final TestEvents events = new TestEvents("t1", "p1");

  @Test
  void aMemoryIsListedUnderEveryFilterCombinationItMatches() {
    MemoryRow m =
        MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, Instant.EPOCH, "a", "b"));

    assertThat(ListKey.keysOf(m))
        .hasSize(4 + 4 * 2)
        .contains(
            ListKey.of(ListKey.PROJECT, "p1", null, null),
            ListKey.of(ListKey.CONTEXT, "c1", null, null),
            ListKey.of(ListKey.PROJECT, "p1", "FACT", null),
            ListKey.of(ListKey.CONTEXT, "c1", null, "b"),
            ListKey.of(ListKey.PROJECT, "p1", "FACT", "a"))
        .doesNotContain(ListKey.of(ListKey.PROJECT, "p1", "DECISION", null));
  }

  @Test
  void anEmptyTagIsNotListedAsAny() {
    MemoryRow m = MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, Instant.EPOCH, ""));

    assertThat(ListKey.keysOf(m)).hasSize(4).doesNotHaveDuplicates();
  }
}
