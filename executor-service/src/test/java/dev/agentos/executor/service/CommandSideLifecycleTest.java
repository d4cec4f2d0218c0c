package dev.agentos.executor.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandSideLifecycleTest {

  @Test
  void anExcerptIsCutToWhatTheCommandSideTakesNeverInsideASurrogatePair() {
    String ascii = "x".repeat(CommandSideLifecycle.MAX_EXCERPT + 10);
    String pairAtTheCut = "x".repeat(CommandSideLifecycle.MAX_EXCERPT - 1) + "😀" + "tail";

    assertThat(CommandSideLifecycle.excerpt("short")).isEqualTo("short");
    assertThat(CommandSideLifecycle.excerpt(ascii)).hasSize(CommandSideLifecycle.MAX_EXCERPT);
    assertThat(CommandSideLifecycle.excerpt(pairAtTheCut))
        .hasSize(CommandSideLifecycle.MAX_EXCERPT - 1)
        .doesNotContain("\uD83D");
  }
}
