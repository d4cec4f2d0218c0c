package dev.agentos.flink.patterns.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskerTest {

  @Test
  void masksUnixWindowsAndRelativePathsButNotWordsWithASlash() {
    assertThat(Masker.mask("cannot open /home/agent/work/a-1/data.csv for reading"))
        .isEqualTo("cannot open <path> for reading");
    assertThat(Masker.mask("cannot open C:\\Users\\agent\\AppData\\Local\\Temp\\x.txt"))
        .isEqualTo("cannot open <path>");
    assertThat(Masker.mask("error in src/main/lib.rs and ./main.go, see ~/logs/run.log"))
        .isEqualTo("error in <path> and <path>, see <path>");
    assertThat(Masker.mask("expected application/json and/or text/plain"))
        .isEqualTo("expected application/json and/or text/plain");
  }

  @Test
  void masksHexAddressesHashesAndUuids() {
    assertThat(Masker.mask("object at 0x7ffe3c2a1b40 freed")).isEqualTo("object at <hex> freed");
    assertThat(Masker.mask("commit 3f9c2a7d41b0e6a8c5d4e3f2a1b0c9d8e7f6a5b4 not found"))
        .isEqualTo("commit <hex> not found");
    assertThat(Masker.mask("run 8d1e6b7c-3f2a-4c11-9a0e-5b6c7d8e9f01 failed"))
        .isEqualTo("run <uuid> failed");
    assertThat(Masker.mask("Cart@1b6d3586 is deadbeef")).isEqualTo("Cart@<hex> is deadbeef");
  }

  @Test
  void masksQuotedValuesButNotApostrophes() {
    assertThat(Masker.mask("can't find 'psycopg2' in \"requirements.txt\" or `Cargo.toml`"))
        .isEqualTo("can't find <str> in <str> or <str>");
  }

  @Test
  void masksTimestampsDurationsAndNumbers() {
    assertThat(Masker.mask("2026-12-07T14:03:11.482Z job 42 timed out after 30s (limit 1h30m0s)"))
        .isEqualTo("<ts> job <n> timed out after <dur> (limit <dur>)");
    assertThat(Masker.mask("Dec  7 14:03:11 took 0.112 s, 1.234ms"))
        .isEqualTo("<ts> <ts> took <dur>, <dur>");
    assertThat(Masker.mask("Connection refused: localhost:5432 at line 12, column 7"))
        .isEqualTo("Connection refused: localhost:<n> at line <n>, column <n>");
  }

  @Test
  void keepsDigitsThatArePartOfNames() {
    assertThat(Masker.mask("E0382 in utf8 decoder for x86_64 and int64"))
        .isEqualTo("E0382 in utf8 decoder for x86_64 and int64");
  }

  @Test
  void masksTempDirNamesAndCollapsesWhitespace() {
    assertThat(Masker.mask("  left   tmpk2j3_x9a\tbehind  ")).isEqualTo("left <tmp> behind");
  }

  @Test
  void masksTheSameErrorFromTwoRunsAlike() {
    assertThat(Masker.mask("Failed to load /srv/a/orders-2026-12-07.csv after 3 retries (12ms)"))
        .isEqualTo(
            Masker.mask("Failed to load /tmp/b/orders-2026-12-08.csv after 5 retries (9ms)"));
  }

  @Test
  void messageIsCutToItsMaximumLength() {
    assertThat(Masker.mask("word ".repeat(1_000))).hasSize(Masker.MAX_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a", "1", "a1", "1.", "1h", "'a", "\"a", "/a", "a/", "a.", "0x", "C:\\", "a:", "-1", " "
      })
  void runsInLinearTimeOnAQuarterMegabyteRunOfOneToken(String token) {
    // Linear: well under a second. Quadratic: some 10^10 steps, minutes. The bound is generous
    // because CI machines are small and busy.
    String adversarial = token.repeat((1 << 18) / token.length()) + "!";

    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> Masker.mask(adversarial, adversarial.length()));
  }
}
