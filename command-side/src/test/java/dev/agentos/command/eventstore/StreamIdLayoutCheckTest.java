package dev.agentos.command.eventstore;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.schemas.streams.StreamIds;
import org.junit.jupiter.api.Test;

class StreamIdLayoutCheckTest {

  @Test
  void aStoreWhoseStreamsAreNamedPerTenantStarts() {
    assertThatCode(
            () -> StreamIdLayoutCheck.requireStreamId(StreamIds.of("default", "admin-default")))
        .doesNotThrowAnyException();
  }

  @Test
  void aStoreWrittenBeforeIdsWerePerTenantIsRefusedSayingWhatToDo() {
    assertThatThrownBy(() -> StreamIdLayoutCheck.requireStreamId("admin-default"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'admin-default'")
        .hasMessageContaining("re-create the stack's data");
  }
}
