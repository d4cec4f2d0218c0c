package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphRequestTest {

  @Test
  void depthMustBeOneToThree() {
    for (int depth : new int[] {0, 4}) {
      assertThatThrownBy(() -> GraphRequest.of("t", "p", "m", depth))
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("depth"));
    }
    assertThat(GraphRequest.of("t", "p", "m", 3).depth()).isEqualTo(3);
  }

  @Test
  void anUnknownRelationTypeIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> new GraphRequest("t", "p", "m", 1, Set.of("LIKES"), 0))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("types"))
        .hasMessageContaining("'LIKES'")
        .hasMessageContaining("DEPENDS_ON");
  }

  @Test
  void neighboursMustBeZeroToTwenty() {
    assertThatThrownBy(() -> new GraphRequest("t", "p", "m", 1, Set.of(), 21))
        .hasMessageStartingWith("neighbours");
    assertThatThrownBy(() -> new GraphRequest("t", "p", "m", 1, Set.of(), -1))
        .hasMessageStartingWith("neighbours");
  }
}
