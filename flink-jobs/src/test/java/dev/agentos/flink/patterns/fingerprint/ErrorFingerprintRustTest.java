package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorFingerprintRustTest {

  @Test
  void compilerErrorGivesItsCodeAndMessageNotCargosSummary() {
    ErrorFingerprint error = fingerprint("rust/e0382-run1.txt");

    assertThat(error.language()).isEqualTo("rust");
    assertThat(error.errorType()).isEqualTo("error[E0382]");
    assertThat(error.message()).isEqualTo("borrow of moved value: <str>");
    assertThat(error.topFrames()).isEmpty();
    assertThat(error.signature()).isEqualTo("rust|error[E0382]|borrow of moved value: <str>|");
  }

  @Test
  void sameCompilerErrorElsewhereHasTheSameSignatureAndAnotherCodeNot() {
    String signature = fingerprint("rust/e0382-run1.txt").signature();

    assertThat(fingerprint("rust/e0382-run2.txt").signature()).isEqualTo(signature);
    assertThat(fingerprint("rust/e0308-mismatched-types.txt").signature()).isNotEqualTo(signature);
  }

  @Test
  void cargoTestPanicGivesTheMessageLineAndTheTest() {
    ErrorFingerprint error = fingerprint("rust/cargo-test-panic.txt");

    assertThat(error.errorType()).isEqualTo("panic");
    assertThat(error.message()).isEqualTo("assertion <str> failed");
    assertThat(error.topFrames()).containsExactly("tests::parses_port");
    assertThat(error.excerpt())
        .isEqualTo("thread 'tests::parses_port' panicked at src/lib.rs:27:9:");
  }

  @Test
  void panicBacktraceKeepsTheProgramsFramesWithoutTheStandardLibrarys() {
    ErrorFingerprint error = fingerprint("rust/unwrap-none-backtrace.txt");

    assertThat(error.message()).isEqualTo("called <str> on a <str> value");
    assertThat(error.topFrames()).containsExactly("demo::config::port", "demo::main");
  }
}
