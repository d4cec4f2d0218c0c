package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorFingerprintNodeTest {

  @Test
  void uncaughtTypeErrorKeepsTheAppsFramesNotNodesOwn() {
    ErrorFingerprint error = fingerprint("javascript/uncaught-typeerror-run1.txt");

    assertThat(error.language()).isEqualTo("javascript");
    assertThat(error.errorType()).isEqualTo("TypeError");
    assertThat(error.message()).isEqualTo("Cannot read properties of undefined (reading <str>)");
    assertThat(error.topFrames()).containsExactly("getDisplayName", "Server.<anonymous>");
    assertThat(error.signature())
        .isEqualTo(
            "javascript|TypeError|Cannot read properties of undefined (reading <str>)"
                + "|getDisplayName < Server.<anonymous>");
  }

  @Test
  void sameTypeErrorInAnotherRunAndNodeVersionHasTheSameSignature() {
    assertThat(fingerprint("javascript/uncaught-typeerror-run2.txt").signature())
        .isEqualTo(fingerprint("javascript/uncaught-typeerror-run1.txt").signature());
  }

  @Test
  void errorWithACodeRaisedInsideNodeKeepsNodesFrames() {
    ErrorFingerprint error = fingerprint("javascript/module-not-found.txt");

    assertThat(error.errorType()).isEqualTo("Error [ERR_MODULE_NOT_FOUND]");
    assertThat(error.message()).isEqualTo("Cannot find package <str> imported from <path>");
    assertThat(error.topFrames())
        .containsExactly("packageResolve", "moduleResolve", "defaultResolve");
  }

  @Test
  void nodeTestFailureFindsTheAssertionAboveItsDetailLines() {
    ErrorFingerprint error = fingerprint("javascript/node-test-failure.txt");

    assertThat(error.errorType()).isEqualTo("AssertionError [ERR_ASSERTION]");
    assertThat(error.message()).isEqualTo("Expected values to be strictly equal:");
    assertThat(error.topFrames()).containsExactly("TestContext.<anonymous>");
  }

  @Test
  void differentErrorsHaveDifferentSignatures() {
    assertThat(fingerprint("javascript/uncaught-typeerror-run1.txt").signature())
        .isNotEqualTo(fingerprint("javascript/module-not-found.txt").signature())
        .isNotEqualTo(fingerprint("javascript/node-test-failure.txt").signature());
  }
}
