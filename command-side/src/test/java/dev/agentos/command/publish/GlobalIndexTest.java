package dev.agentos.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class GlobalIndexTest {

  private static final TrackingToken BEFORE = GapAwareTrackingToken.newInstance(10, List.of(7L));

  @Test
  void canTellTheIndexOfAnEventAfterTheLastOne() {
    TrackingToken after = ((GapAwareTrackingToken) BEFORE).advanceTo(13, 10_000);

    assertThat(GlobalIndex.of(BEFORE, after)).isEqualTo(13);
  }

  @Test
  void canTellTheIndexOfAnEventThatFillsAGap() {
    TrackingToken after = ((GapAwareTrackingToken) BEFORE).advanceTo(7, 10_000);

    assertThat(GlobalIndex.of(BEFORE, after)).isEqualTo(7);
  }

  @Test
  void canTellTheIndexOfTheFirstEvent() {
    assertThat(GlobalIndex.of(null, GapAwareTrackingToken.newInstance(0, List.of()))).isZero();
  }

  @Test
  void canTellTheIndexOfAnInMemoryEvent() {
    assertThat(
            GlobalIndex.of(new GlobalSequenceTrackingToken(4), new GlobalSequenceTrackingToken(5)))
        .isEqualTo(5);
  }
}
