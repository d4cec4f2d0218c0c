package dev.agentos.projections.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.projections.memory.search.ReciprocalRankFusion.Fused;
import dev.agentos.projections.memory.search.ReciprocalRankFusion.MatchedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  @Test
  void anIdInBothListsSumsItsReciprocalRanks() {
    List<Fused> fused = ReciprocalRankFusion.fuse(List.of("a", "b"), List.of("b", "c"), 10);

    assertThat(fused).extracting(Fused::id).containsExactly("b", "a", "c");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    assertThat(fused.get(0).matchedBy()).isEqualTo(MatchedBy.BOTH);
    assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    assertThat(fused.get(1).matchedBy()).isEqualTo(MatchedBy.KEYWORD);
    assertThat(fused.get(2).matchedBy()).isEqualTo(MatchedBy.SEMANTIC);
  }

  @Test
  void agreementOfBothListsBeatsTheTopOfOne() {
    List<Fused> fused =
        ReciprocalRankFusion.fuse(List.of("k1", "k2", "shared"), List.of("s1", "shared"), 10);

    assertThat(fused.get(0).id()).isEqualTo("shared");
  }

  @Test
  void answersAtMostTheLimit() {
    assertThat(ReciprocalRankFusion.fuse(List.of("a", "b", "c"), List.of("d"), 2)).hasSize(2);
    assertThat(ReciprocalRankFusion.fuse(List.of(), List.of(), 5)).isEmpty();
  }
}
