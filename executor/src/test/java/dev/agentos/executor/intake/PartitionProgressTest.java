package dev.agentos.executor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  private final PartitionProgress progress = new PartitionProgress();

  @Test
  void nothingReceivedCommitsNothing() {
    assertThat(progress.committable()).isEmpty();
  }

  @Test
  void commitsUpToTheFirstRecordNotDoneAndPastAllOnceTheyAreDone() {
    progress.received(10);
    progress.received(11);
    progress.received(12);
    progress.done(11);
    progress.done(12);

    assertThat(progress.committable()).isEqualTo(OptionalLong.of(10));

    progress.done(10);
    assertThat(progress.committable()).isEqualTo(OptionalLong.of(13));
  }
}
