package dev.agentos.readmodels.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Stored names read back as the text they were made from. */
class InfluxNamesTest {

  @Test
  void decodedInvertsNameAndValue() {
    for (String text :
        new String[] {
          "plain.name.1h", "_internal", "a,b=c d\"e\\f", "100%", "%41", "line\nbreak", "ünï😀"
        }) {
      assertThat(InfluxNames.decoded(InfluxNames.name(text))).isEqualTo(text);
      assertThat(InfluxNames.decoded(InfluxNames.value(text))).isEqualTo(text);
    }
  }

  @Test
  void aPercentNotFollowedByTwoHexDigitsStays() {
    assertThat(InfluxNames.decoded("50%")).isEqualTo("50%");
    assertThat(InfluxNames.decoded("%zz")).isEqualTo("%zz");
  }
}
