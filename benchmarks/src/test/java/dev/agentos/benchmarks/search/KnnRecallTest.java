package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnnRecallTest {

  @Test
  void overlapIsTheShareOfTheExactFirstKFound() {
    List<String> exact = List.of("a", "b", "c", "d");
    assertThat(KnnRecall.overlap(List.of("b", "a"), exact, 2)).isEqualTo(1.0);
    assertThat(KnnRecall.overlap(List.of("a", "c"), exact, 2)).isEqualTo(0.5);
    assertThat(KnnRecall.overlap(List.of("x", "c", "d"), exact, 4)).isEqualTo(0.5);
  }

  @Test
  void exactRanksByCosineNotByLengthOrDotProduct() {
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    // "long" has the largest dot product with the query but points elsewhere
    ids.add("long");
    vectors.add(new float[] {10, 10});
    ids.add("same-direction");
    vectors.add(new float[] {0.5f, 0});
    ids.add("near");
    vectors.add(new float[] {1, 0.2f});
    for (int i = 0; i < KnnRecall.WINDOW; i++) {
      ids.add("away-" + i);
      vectors.add(new float[] {-1, i});
    }

    List<List<String>> exact = KnnRecall.exact(ids, vectors, List.of(new float[] {3, 0}));

    assertThat(exact.get(0)).hasSize(KnnRecall.WINDOW);
    assertThat(exact.get(0).subList(0, 3)).containsExactly("same-direction", "near", "long");
  }
}
