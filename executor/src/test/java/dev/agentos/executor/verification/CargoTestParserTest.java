package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CargoTestParserTest {

  private final CargoTestParser parser = new CargoTestParser();

  @Test
  void readsUnitTestsDocTestsIgnoredOnesAndShouldPanic() {
    TestReport report = parser.parse(Reports.text("cargo-test.txt"), false);

    assertThat(report.passedNames())
        .containsExactly("tests::adds", "tests::panics", "src/lib.rs - add (line 3)");
    assertThat(report.failedNames()).containsExactly("tests::fails");
    assertThat(report.skipped()).isEqualTo(2);
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("tests::fails"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.message().orElseThrow())
                    .startsWith("some output")
                    .contains("assertion `left == right` failed: math is broken"));
  }

  @Test
  void aCrateWithNoTestsReportsNoneButIsAReport() {
    String output =
        "\nrunning 0 tests\n\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured;"
            + " 0 filtered out; finished in 0.00s\n";

    assertThat(parser.parse(output, false).testsRun()).isZero();
  }

  @Test
  void outputWithoutLibtestLinesIsNotAReport() {
    assertThatThrownBy(() -> parser.parse("error[E0425]: cannot find value `x`\n", false))
        .isInstanceOf(ReportFormatException.class);
  }
}
