package dev.agentos.command.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTest {

  @Test
  void isTheSha256OfTheContentWithAPrefix() {
    assertThat(ContentHash.of("hello world"))
        .isEqualTo("sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  }

  @Test
  void ignoresLeadingTrailingAndRepeatedWhitespace() {
    assertThat(ContentHash.of("  hello \t\n world\n")).isEqualTo(ContentHash.of("hello world"));
  }

  @Test
  void keepsCaseAndPunctuation() {
    assertThat(ContentHash.of("Hello world")).isNotEqualTo(ContentHash.of("hello world"));
    assertThat(ContentHash.of("hello world.")).isNotEqualTo(ContentHash.of("hello world"));
  }
}
