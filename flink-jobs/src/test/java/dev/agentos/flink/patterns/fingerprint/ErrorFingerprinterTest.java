package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorFingerprinterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "python/module-not-found-run1.txt",
        "python/pytest-assert-run1.txt",
        "java/caused-by-run1.txt",
        "java/surefire-assertion-failed.txt",
        "javascript/uncaught-typeerror-run1.txt",
        "javascript/node-test-failure.txt",
        "go/index-out-of-range-run1.txt",
        "go/go-test-fail.txt",
        "rust/e0382-run1.txt",
        "rust/cargo-test-panic.txt"
      })
  void detectsTheLanguageAndReadsTheSameAsWithTheHint(String sample) {
    String language = sample.substring(0, sample.indexOf('/'));

    ErrorFingerprint detected = ErrorFingerprinter.of(read(sample), null).orElseThrow();

    assertThat(detected.language()).isEqualTo(language);
    assertThat(ErrorFingerprinter.of(read(sample), language)).contains(detected);
  }

  @Test
  void blankOrMissingTextHasNoFingerprint() {
    assertThat(ErrorFingerprinter.of(null, "python")).isEmpty();
    assertThat(ErrorFingerprinter.of("", null)).isEmpty();
    assertThat(ErrorFingerprinter.of(" \n\t\r\n ", "go")).isEmpty();
  }

  @Test
  void noiseOnlyTextHasNoFingerprint() {
    assertThat(ErrorFingerprinter.of(read("other/noise-only.txt"), null)).isEmpty();
  }

  @Test
  void unrecognisedOutputIsReadByItsFirstErrorLineUnderTheHintedLanguage() {
    ErrorFingerprint error =
        ErrorFingerprinter.of(read("other/shell-command-not-found.txt"), "bash").orElseThrow();

    assertThat(error.language()).isEqualTo("bash");
    assertThat(error.errorType()).isNull();
    assertThat(error.message()).isEqualTo("bash: line <n>: pyhton: command not found");
    assertThat(error.signature()).isEqualTo("bash||bash: line <n>: pyhton: command not found|");
  }

  @Test
  void toolCallErrorMessageKeepsItsSeverityAsType() {
    ErrorFingerprint error =
        ErrorFingerprinter.of("Error: ENOENT: no such file or directory, open '/work/a.txt'", null)
            .orElseThrow();

    assertThat(error.language()).isNull();
    assertThat(error.errorType()).isEqualTo("error");
    assertThat(error.message()).isEqualTo("ENOENT: no such file or directory, open <str>");
  }

  @Test
  void hintThatDoesNotFitTheTextGivesWayToTheDetectedLanguage() {
    Optional<ErrorFingerprint> error =
        ErrorFingerprinter.of(read("go/index-out-of-range-run1.txt"), "python");

    assertThat(error).map(ErrorFingerprint::language).contains("go");
  }

  @Test
  void signatureAndExcerptStayBoundedForAHugeMessage() {
    String text = "ValueError: " + "bad value in field number seven ".repeat(500);

    ErrorFingerprint error = ErrorFingerprinter.of(text, "python").orElseThrow();

    assertThat(error.signature()).hasSizeLessThanOrEqualTo(1_000).doesNotContain("\n");
    assertThat(error.excerpt()).hasSizeLessThanOrEqualTo(200).startsWith("ValueError: bad value");
  }

  @Test
  void megabyteLineOfAdversarialTextFinishesQuickly() {
    StringBuilder line = new StringBuilder("Error: ");
    String[] pieces = {"a1b2", "'", "\"", "0x", "/a", "1.", "at a (", ":1", "\\", "_ ", "tmp"};
    for (int i = 0; line.length() < 1 << 20; i++) {
      line.append(pieces[i % pieces.length]);
    }
    String text = line.toString();

    Optional<ErrorFingerprint> error =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ErrorFingerprinter.of(text, null));

    assertThat(error).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "    at ", "goroutine 1 [", "--- FAIL: ", "File \"", "___ ", "E "})
  void megabyteOfShortMarkerLinesFinishesQuickly(String marker) {
    String text = (marker + "\n").repeat((1 << 20) / (marker.length() + 1));

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ErrorFingerprinter.of(text, null));
  }

  @Test
  void fingerprintSurvivesJavaSerialization() throws Exception {
    ErrorFingerprint error = ErrorSamples.fingerprint("java/caused-by-run1.txt");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(error);
    }

    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(error);
    }
  }
}
