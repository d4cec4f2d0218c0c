package dev.agentos.projections.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryType;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.MemoryRow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListKeyTest {

  private final TestEvents events = new TestEvents("t1", "p1");

  @Test
  void aMemoryIsListedOnceInItsProjectAndOnceInItsContextWhateverItsTags() {
    MemoryRow m =
        MemoryRows.stored(events.stored("m1", "c1", MemoryType.FACT, Instant.EPOCH, "a", "b"));

    assertThat(ListKey.scopesOf(m))
        .containsExactly(
            ListKey.of(ListKey.PROJECT, "p1", null, null),
            ListKey.of(ListKey.CONTEXT, "c1", null, null));
  }

  @Test
  void anEmptyTypeOrTagMeansAny() {
    assertThat(ListKey.of(ListKey.PROJECT, "p1", "", ""))
        .isEqualTo(ListKey.of(ListKey.PROJECT, "p1", null, null));
    assertThat(ListKey.of(ListKey.PROJECT, "p1", "FACT", "a").tag()).isEqualTo("a");
  }
}
