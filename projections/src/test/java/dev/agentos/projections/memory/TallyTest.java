package dev.agentos.projections.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {

  @Test
  void anEventIsCountedOnceAndRecognisedAfterwards() {
    Batch.Tally tally = Batch.Tally.NONE.plusOne("e1").plusOne("e2");

    assertThat(tally.count()).isEqualTo(2);
    assertThat(tally.counted("e1")).isTrue();
    assertThat(tally.counted("e3")).isFalse();
  }

  @Test
  void onlyTheLatestEventIdsAreKept() {
    Batch.Tally tally = Batch.Tally.NONE.plusOne("first");
    for (int i = 0; i < Batch.Tally.EVENT_IDS_KEPT; i++) {
      tally = tally.plusOne("e" + i);
    }

    assertThat(tally.count()).isEqualTo(Batch.Tally.EVENT_IDS_KEPT + 1);
    assertThat(tally.recentEventIds()).hasSize(Batch.Tally.EVENT_IDS_KEPT);
    assertThat(tally.counted("first")).as("forgotten: the window is bounded").isFalse();
    assertThat(tally.counted("e0")).isTrue();
  }
}
