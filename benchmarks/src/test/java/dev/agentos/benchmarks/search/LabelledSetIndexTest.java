package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LabelledSetIndexTest {

  private final List<String> texts = IntStream.range(0, 60).mapToObj(n -> "t" + n).toList();

  @Test
  void aDistractorsNeighboursAreTheTurnsOfItsOwnSession() {
    assertThat(LabelledSetIndex.inSession(texts, 30, 1, 1)).isEqualTo("t29\nt30\nt31");
    assertThat(LabelledSetIndex.inSession(texts, 25, 1, 1))
        .as("the first turn of a session has none before it")
        .isEqualTo("t25\nt26");
    assertThat(LabelledSetIndex.inSession(texts, 24, 1, 1))
        .as("the last turn of a session has none after it")
        .isEqualTo("t23\nt24");
    assertThat(LabelledSetIndex.inSession(texts, 59, 1, 1))
        .as("the last generated turn")
        .isEqualTo("t58\nt59");
  }

  @Test
  void thePreviousTurnOnly() {
    assertThat(LabelledSetIndex.inSession(texts, 30, 1, 0)).isEqualTo("t29\nt30");
    assertThat(LabelledSetIndex.inSession(texts, 50, 1, 0)).isEqualTo("t50");
  }
}
