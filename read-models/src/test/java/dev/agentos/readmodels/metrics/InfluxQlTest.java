package dev.agentos.readmodels.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a request's text becomes in InfluxQL: always one literal, however it is spelled. */
class InfluxQlTest {

  @Test
  void identifiersAreAlwaysQuotedSoKeywordsAreNames() {
    assertThat(InfluxQl.identifier("window")).isEqualTo("\"window\"");
    assertThat(InfluxQl.identifier("cpu.load")).isEqualTo("\"cpu.load\"");
  }

  @Test
  void aQuoteOrBackslashInAnIdentifierCannotEndIt() {
    assertThat(InfluxQl.identifier("a\" FROM /.*/ --")).isEqualTo("\"a\\\" FROM /.*/ --\"");
    // A trailing backslash would otherwise escape the closing quote.
    assertThat(InfluxQl.identifier("a\\")).isEqualTo("\"a\\\\\"");
    // A single quote needs no escape between double quotes.
    assertThat(InfluxQl.identifier("it's")).isEqualTo("\"it's\"");
  }

  @Test
  void aQuoteOrBackslashInAStringCannotEndIt() {
    assertThat(InfluxQl.string("x' OR '1'='1")).isEqualTo("'x\\' OR \\'1\\'=\\'1'");
    assertThat(InfluxQl.string("x\\' OR tenant_id =~ /.*/ --"))
        .isEqualTo("'x\\\\\\' OR tenant_id =~ /.*/ --'");
    assertThat(InfluxQl.string("say \"hi\"")).isEqualTo("'say \"hi\"'");
  }

  @Test
  void aNewlineIsWrittenAsItsEscapeWhichALiteralCanHold() {
    assertThat(InfluxQl.string("a\nDROP DATABASE agentos"))
        .isEqualTo("'a\\nDROP DATABASE agentos'");
    assertThat(InfluxQl.identifier("a\nb")).isEqualTo("\"a\\nb\"");
  }

  @Test
  void timesAndDurationsComeFromTypedValues() {
    assertThat(InfluxQl.time(Instant.parse("2026-12-07T10:00:00.123Z")))
        .isEqualTo("'2026-12-07T10:00:00.123Z'");
    assertThat(InfluxQl.duration(Duration.ofMinutes(5))).isEqualTo("300000ms");
    assertThatThrownBy(() -> InfluxQl.duration(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InfluxQl.duration(Duration.ofNanos(1_500_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
