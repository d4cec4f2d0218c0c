package dev.agentos.command.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class PositionJsonTest {

  @Test
  void canKeepTheGapsOfTheJdbcStoresToken() {
    TrackingToken token = GapAwareTrackingToken.newInstance(20, List.of(3L, 7L));

    String json = PositionJson.write(token);

    assertThat(json).isEqualTo("{\"index\":20,\"gaps\":[3,7]}");
    assertThat(PositionJson.read(json)).isEqualTo(token);
  }

  @Test
  void canKeepATokenWithoutGaps() {
    TrackingToken token = GapAwareTrackingToken.newInstance(5, List.of());

    assertThat(PositionJson.read(PositionJson.write(token))).isEqualTo(token);
  }

  @Test
  void canKeepTheInMemoryStoresToken() {
    TrackingToken token = new GlobalSequenceTrackingToken(12);

    assertThat(PositionJson.read(PositionJson.write(token))).isEqualTo(token);
  }

  @Test
  void cannotReadAPositionWithoutAnIndex() {
    assertThatThrownBy(() -> PositionJson.read("{\"offset\":3}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither an index nor a globalIndex")
        .hasMessageContaining("{\"offset\":3}");
  }

  @Test
  void cannotReadAGapThatIsNoIndex() {
    assertThatThrownBy(() -> PositionJson.read("{\"index\":3,\"gaps\":[\"x\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gap that is no index");
  }

  @Test
  void cannotReadText() {
    assertThatThrownBy(() -> PositionJson.read("twenty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }
}
