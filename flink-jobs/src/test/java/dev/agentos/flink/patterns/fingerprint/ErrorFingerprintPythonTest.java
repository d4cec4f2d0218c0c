package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorFingerprintPythonTest {

  @Test
  void tracebackGivesTypeMaskedMessageAndInnermostFramesFirst() {
    ErrorFingerprint error = fingerprint("python/module-not-found-run1.txt");

    assertThat(error.language()).isEqualTo("python");
    assertThat(error.errorType()).isEqualTo("ModuleNotFoundError");
    assertThat(error.message()).isEqualTo("No module named <str>");
    assertThat(error.topFrames()).containsExactly("<module>", "<module>");
    assertThat(error.signature())
        .isEqualTo("python|ModuleNotFoundError|No module named <str>|<module> < <module>");
    assertThat(error.excerpt()).isEqualTo("ModuleNotFoundError: No module named 'psycopg2'");
  }

  @Test
  void sameErrorInAnotherRunWithOtherPathsLinesAndValuesHasTheSameSignature() {
    assertThat(fingerprint("python/module-not-found-run2.txt").signature())
        .isEqualTo(fingerprint("python/module-not-found-run1.txt").signature());
  }

  @Test
  void errorWhileHandlingAnotherIsTheOneFingerprinted() {
    ErrorFingerprint error = fingerprint("python/chained-during-handling.txt");

    assertThat(error.errorType()).isEqualTo("NameError");
    assertThat(error.message()).isEqualTo("name <str> is not defined");
    assertThat(error.topFrames()).containsExactly("load_config", "main", "<module>");
  }

  @Test
  void directCauseOfAChainedErrorIsTheOneFingerprinted() {
    ErrorFingerprint error = fingerprint("python/chained-direct-cause.txt");

    assertThat(error.errorType()).isEqualTo("ValueError");
    assertThat(error.message()).isEqualTo("invalid literal for int() with base <n>: <str>");
    assertThat(error.topFrames()).containsExactly("parse_order");
  }

  @Test
  void pytestAssertionFailureGivesTheAssertionAndTheTest() {
    ErrorFingerprint first = fingerprint("python/pytest-assert-run1.txt");
    ErrorFingerprint second = fingerprint("python/pytest-assert-run2.txt");

    assertThat(first.language()).isEqualTo("python");
    assertThat(first.errorType()).isEqualTo("AssertionError");
    assertThat(first.message()).isEqualTo("assert <n> == <n>");
    assertThat(first.topFrames()).containsExactly("test_total_with_tax");
    assertThat(first.excerpt()).isEqualTo("E       assert 25.0 == 30.0");
    assertThat(second.signature()).isEqualTo(first.signature());
  }

  @Test
  void pytestErrorRaisedBelowTheTestKeepsItsFramesInnermostFirst() {
    ErrorFingerprint error = fingerprint("python/pytest-keyerror.txt");

    assertThat(error.errorType()).isEqualTo("KeyError");
    assertThat(error.message()).isEqualTo("<str>");
    assertThat(error.topFrames()).containsExactly("price_of", "test_lookup_unknown_sku");
  }

  @Test
  void pytestReportWithoutTracebacksIsReadFromItsShortSummary() {
    String report =
        "tests/test_cart.py::test_total[book-2] FAILED\n"
            + "=========================== short test summary info ===========================\n"
            + "FAILED tests/test_cart.py::TestCart::test_total[book-2] - KeyError: 'book'\n"
            + "========================= 1 failed, 2 passed in 0.03s =========================\n";

    ErrorFingerprint error = ErrorFingerprinter.of(report, null).orElseThrow();

    assertThat(error.language()).isEqualTo("python");
    assertThat(error.errorType()).isEqualTo("KeyError");
    assertThat(error.message()).isEqualTo("<str>");
    assertThat(error.topFrames()).containsExactly("test_total");
  }

  @Test
  void syntaxErrorPrintedWithoutATracebackIsStillAPythonError() {
    ErrorFingerprint error = fingerprint("python/syntax-error.txt");

    assertThat(error.language()).isEqualTo("python");
    assertThat(error.errorType()).isEqualTo("SyntaxError");
    assertThat(error.message()).isEqualTo("<str> was never closed");
  }

  @Test
  void differentErrorsHaveDifferentSignatures() {
    assertThat(fingerprint("python/module-not-found-run1.txt").signature())
        .isNotEqualTo(fingerprint("python/chained-during-handling.txt").signature())
        .isNotEqualTo(fingerprint("python/pytest-keyerror.txt").signature());
    assertThat(fingerprint("python/pytest-assert-run1.txt").signature())
        .isNotEqualTo(fingerprint("python/pytest-keyerror.txt").signature());
  }
}
