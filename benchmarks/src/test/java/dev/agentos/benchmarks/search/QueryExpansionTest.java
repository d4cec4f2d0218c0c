package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryExpansionTest {

  @Test
  void splitsIdentifiersIntoTheirWords() {
    assertThat(QueryExpansion.splitIdentifier("LazyInitializationException"))
        .containsExactly("lazy", "initialization", "exception");
    assertThat(QueryExpansion.splitIdentifier("max.poll.interval.ms"))
        .containsExactly("max", "poll", "interval", "ms");
    assertThat(QueryExpansion.splitIdentifier("ROUND_HALF_UP"))
        .containsExactly("round", "half", "up");
    assertThat(QueryExpansion.splitIdentifier("timeout")).isEmpty();
  }

  @Test
  void appendsSynonymsAndSplitWordsButKeepsTheQuestion() {
    String expanded = QueryExpansion.expand("why is the db slow");

    assertThat(expanded).startsWith("why is the db slow ");
    assertThat(expanded).contains("database", "postgres", "latency", "performance");
    assertThat(QueryExpansion.expand("plain words here")).isEqualTo("plain words here");
  }
}
