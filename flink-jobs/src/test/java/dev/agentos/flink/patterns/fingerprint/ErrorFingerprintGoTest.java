package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorFingerprintGoTest {

  @Test
  void runtimePanicGivesItsKindMaskedMessageAndGoroutineFrames() {
    ErrorFingerprint error = fingerprint("go/index-out-of-range-run1.txt");

    assertThat(error.language()).isEqualTo("go");
    assertThat(error.errorType()).isEqualTo("panic: runtime error");
    assertThat(error.message()).isEqualTo("index out of range [<n>] with length <n>");
    assertThat(error.topFrames()).containsExactly("main.lookup", "main.main");
    assertThat(error.signature())
        .isEqualTo(
            "go|panic: runtime error|index out of range [<n>] with length <n>"
                + "|main.lookup < main.main");
  }

  @Test
  void samePanicInAnotherRunHasTheSameSignature() {
    assertThat(fingerprint("go/index-out-of-range-run2.txt").signature())
        .isEqualTo(fingerprint("go/index-out-of-range-run1.txt").signature());
  }

  @Test
  void framesLoseArgumentsAddressesAndPackagePaths() {
    ErrorFingerprint error = fingerprint("go/nil-map-panic.txt");

    assertThat(error.errorType()).isEqualTo("panic");
    assertThat(error.message()).isEqualTo("assignment to entry in nil map");
    assertThat(error.topFrames()).containsExactly("store.(*Registry).Add", "main.main");
  }

  @Test
  void goTestFailureGivesTheFirstFailingTestAndItsMessage() {
    ErrorFingerprint error = fingerprint("go/go-test-fail.txt");

    assertThat(error.errorType()).isEqualTo("--- FAIL");
    assertThat(error.message()).isEqualTo("ParseDuration(<str>) = <dur>, want <dur>");
    assertThat(error.topFrames()).containsExactly("TestParseDuration");
    assertThat(error.excerpt()).startsWith("parse_test.go:18: ParseDuration(");
  }

  @Test
  void panicInAGoTestSkipsTheTestRunnersAndRuntimesFrames() {
    ErrorFingerprint error = fingerprint("go/go-test-panic.txt");

    assertThat(error.errorType()).isEqualTo("panic: runtime error");
    assertThat(error.topFrames()).containsExactly("inventory.lookup", "inventory.TestLookup");
  }

  @Test
  void differentPanicsHaveDifferentSignatures() {
    assertThat(fingerprint("go/index-out-of-range-run1.txt").signature())
        .isNotEqualTo(fingerprint("go/nil-map-panic.txt").signature())
        .isNotEqualTo(fingerprint("go/go-test-panic.txt").signature());
  }
}
