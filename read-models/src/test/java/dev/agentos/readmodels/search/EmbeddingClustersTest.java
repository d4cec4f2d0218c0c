package dev.agentos.readmodels.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.readmodels.search.EmbeddingClusters.Member;
import dev.agentos.readmodels.search.MemoryCategories.Cluster;
import dev.agentos.readmodels.search.MemoryCategories.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingClustersTest {

  /** Unit vectors near axis {@code axis}; {@code offset} moves a member away from the centre. */
  private static double[] near(int axis, double offset, Random random) {
    double[] v = new double[8];
    v[axis] = 1;
    v[(axis + 4) % 8] = offset;
    for (int i = 0; i < v.length; i++) {
      v[i] += random.nextGaussian() * 0.01;
    }
    double norm = Math.sqrt(java.util.Arrays.stream(v).map(x -> x * x).sum());
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
    return v;
  }

  private static List<Member> threeGroups() {
    Random random = new Random(7);
    List<Member> sample = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      sample.add(
          new Member(
              "db-" + i,
              "PostgreSQL index migration number " + i,
              List.of("database"),
              near(0, i == 0 ? 0 : 0.2 * i, random)));
    }
    for (int i = 0; i < 4; i++) {
      sample.add(
          new Member(
              "ci-" + i, "Pipeline runners cache builds", List.of("ci"), near(1, 0.1 * i, random)));
    }
    for (int i = 0; i < 2; i++) {
      sample.add(
          new Member("ui-" + i, "Buttons use the brand palette", List.of(), near(2, 0, random)));
    }
    return sample;
  }

  @Test
  void membersCloseInMeaningEndUpTogetherLargestFirst() {
    List<Cluster> clusters = EmbeddingClusters.cluster(threeGroups(), 3, 2);

    assertThat(clusters).extracting(Cluster::count).containsExactly(6, 4, 2);
    assertThat(clusters.get(0).examples())
        .extracting(Example::memoryId)
        .allMatch(id -> id.startsWith("db-"));
    assertThat(clusters.get(1).examples())
        .extracting(Example::memoryId)
        .allMatch(id -> id.startsWith("ci-"));
  }

  @Test
  void aClusterIsNamedByItsTagsElseByTheWordsThatSetItApart() {
    List<Cluster> clusters = EmbeddingClusters.cluster(threeGroups(), 3, 2);

    assertThat(clusters.get(0).label()).isEqualTo("database");
    assertThat(clusters.get(1).label()).isEqualTo("ci");
    assertThat(clusters.get(2).topTags()).isEmpty();
    assertThat(clusters.get(2).topTerms()).containsExactly("brand", "buttons", "palette");
    assertThat(clusters.get(2).label()).isEqualTo("brand buttons palette");
  }

  @Test
  void examplesAreTheMembersNearestTheCentre() {
    Cluster db = EmbeddingClusters.cluster(threeGroups(), 3, 2).get(0);

    assertThat(db.examples()).extracting(Example::memoryId).doesNotContain("db-5", "db-4");
  }

  @Test
  void theSameSampleGivesTheSameClusters() {
    assertThat(EmbeddingClusters.cluster(threeGroups(), null, 3))
        .isEqualTo(EmbeddingClusters.cluster(threeGroups(), null, 3));
  }

  @Test
  void tooSmallASampleHasNoClustersAndKNeverExceedsTheSample() {
    assertThat(EmbeddingClusters.cluster(threeGroups().subList(0, 1), null, 3)).isEmpty();
    assertThat(EmbeddingClusters.cluster(threeGroups().subList(0, 3), 10, 3))
        .hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void theAutomaticNumberGrowsWithTheSampleWithinTwoToTen() {
    assertThat(EmbeddingClusters.auto(2)).isEqualTo(2);
    assertThat(EmbeddingClusters.auto(50)).isEqualTo(5);
    assertThat(EmbeddingClusters.auto(2000)).isEqualTo(10);
  }

  @Test
  void wordsLeaveOutStopwordsNumbersAndShortWords() {
    assertThat(EmbeddingClusters.words("The CI uses 22 runners, and it caches builds"))
        .containsExactlyInAnyOrder("runners", "caches", "builds");
  }
}
