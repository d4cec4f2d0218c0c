package dev.agentos.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadModelsReadyTest {

  private static final Duration POLL = Duration.ofMillis(10);

  @Test
  void returnsOnceTheProjectionsHaveCreatedTheLayout() {
    AtomicInteger checks = new AtomicInteger();

    ReadModelsReady.await(
        "keyspace k",
        () -> checks.incrementAndGet() < 3 ? List.of("memories_by_id") : List.of(),
        Duration.ofSeconds(5),
        POLL);

    assertThat(checks).hasValue(3);
  }

  @Test
  void givesUpAfterItsBoundNamingWhatIsMissing() {
    assertThatThrownBy(
            () ->
                ReadModelsReady.await(
                    "keyspace k",
                    () -> List.of("memories_by_id", "contexts"),
                    Duration.ofMillis(50),
                    POLL))
        .isInstanceOf(ReadModelsReady.NotReadyException.class)
        .hasMessageContaining("keyspace k is not created yet (missing memories_by_id, contexts)")
        .hasMessageContaining("start them");
  }
}
