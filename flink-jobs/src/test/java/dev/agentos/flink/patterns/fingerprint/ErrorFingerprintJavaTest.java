package dev.agentos.flink.patterns.fingerprint;

import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.fingerprint;
import static dev.agentos.flink.patterns.fingerprint.ErrorSamples.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorFingerprintJavaTest {

  @Test
  void innermostCauseIsTheErrorAndItsSharedFramesAreFilledIn() {
    ErrorFingerprint error = fingerprint("java/caused-by-run1.txt");

    assertThat(error.language()).isEqualTo("java");
    assertThat(error.errorType()).isEqualTo("java.lang.NullPointerException");
    assertThat(error.message())
        .isEqualTo("Cannot invoke <str> because the return value of <str> is null");
    assertThat(error.topFrames())
        .containsExactly(
            "com.acme.orders.OrderLoader.toRow",
            "com.acme.orders.OrderLoader$$Lambda.apply",
            "com.acme.orders.OrderLoader.lambda$load$0");
    assertThat(error.excerpt()).startsWith("Caused by: java.lang.NullPointerException: Cannot");
  }

  @Test
  void sameTraceFromAnotherRunAndJvmHasTheSameSignature() {
    // Other paths, ports, line numbers, timestamps and the Java 17 form of the lambda's class.
    assertThat(fingerprint("java/caused-by-run2.txt").signature())
        .isEqualTo(fingerprint("java/caused-by-run1.txt").signature());
  }

  @Test
  void surefireFailureKeepsTheTestsFramesNotTheAssertionLibrarysOrTheRunners() {
    ErrorFingerprint error = fingerprint("java/surefire-assertion-failed.txt");

    assertThat(error.errorType()).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(error.message()).isEqualTo("expected: <<n>> but was: <<n>>");
    assertThat(error.topFrames()).containsExactly("com.acme.cart.CartServiceTest.totalIncludesTax");
  }

  @Test
  void kotlinTraceWithoutMessageKeepsTypeAndFrames() {
    ErrorFingerprint error = fingerprint("java/kotlin-npe.txt");

    assertThat(error.errorType()).isEqualTo("java.lang.NullPointerException");
    assertThat(error.message()).isEmpty();
    assertThat(error.topFrames())
        .containsExactly(
            "com.acme.inventory.StockKt.reserve",
            "com.acme.inventory.MainKt.main",
            "com.acme.inventory.MainKt.main");
  }

  @Test
  void sameTypeWithAnotherMessageShapeIsAnotherError() {
    String trace = read("java/illegal-state-other-message.txt");
    String sameShape = trace.replace("Order 4711", "Order 815");
    String otherShape = trace.replace("has no lines", "was already shipped");

    String signature = ErrorFingerprinter.of(trace, "java").orElseThrow().signature();

    assertThat(ErrorFingerprinter.of(sameShape, "java").orElseThrow().signature())
        .isEqualTo(signature);
    assertThat(ErrorFingerprinter.of(otherShape, "java").orElseThrow().signature())
        .isNotEqualTo(signature);
  }
}
