package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.readmodels.search.ReciprocalRankFusion.Fused;
import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  @Test
  void anIdInBothListsSumsItsReciprocalRanks() {
    List<Fused> fused = ReciprocalRankFusion.fuse(List.of("a", "b"), List.of("b", "c"), 10);

    // b: keyword rank 2, semantic rank 1; c: semantic rank 2 (weight 1.5); a: keyword rank 1.
    assertThat(fused).extracting(Fused::id).containsExactly("b", "c", "a");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 12 + 1.5 / 11, within(1e-12));
    assertThat(fused.get(0).matchedBy()).isEqualTo(MatchedBy.BOTH);
    assertThat(fused.get(1).score()).isCloseTo(1.5 / 12, within(1e-12));
    assertThat(fused.get(1).matchedBy()).isEqualTo(MatchedBy.SEMANTIC);
    assertThat(fused.get(2).score()).isCloseTo(1.0 / 11, within(1e-12));
    assertThat(fused.get(2).matchedBy()).isEqualTo(MatchedBy.KEYWORD);
  }

  @Test
  void theSemanticListWeighsMoreAtTheSameRank() {
    List<Fused> fused = ReciprocalRankFusion.fuse(List.of("k1"), List.of("s1"), 10);

    assertThat(fused).extracting(Fused::id).containsExactly("s1", "k1");
    assertThat(fused.get(0).score()).isCloseTo(1.5 / 11, within(1e-12));
  }

  @Test
  void theTopOfOneListOutweighsTheTailOfBoth() {
    // K = 10 makes rank matter: the usual K = 60 would put "tail" (in both lists, rank 10) first.
    List<String> keyword = List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "tail");
    List<String> semantic = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "tail");

    List<Fused> fused = ReciprocalRankFusion.fuse(keyword, semantic, 1);

    assertThat(fused).extracting(Fused::id).containsExactly("s1");
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
