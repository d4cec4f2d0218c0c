package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoTestJsonParserTest {

  private final GoTestJsonParser parser = new GoTestJsonParser();

  @Test
  void readsTestsSubtestsSkipsAndAPackageThatDidNotBuild() {
    TestReport report = parser.parse(Reports.text("go-test.json"), false);

    assertThat(report.passedNames())
        .containsExactly("example.com/calc.TestAdd", "example.com/calc.TestDivide/by_one");
    assertThat(report.failedNames())
        .containsExactly(
            "example.com/calc.TestDivide/by_zero",
            "example.com/calc.TestDivide",
            "example.com/calc/broken");
    assertThat(report.skipped()).as("TestRound; a package without tests is no test").isEqualTo(1);
    assertThat(report.errors()).as("the package that did not build").isEqualTo(1);
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("example.com/calc.TestDivide/by_zero"))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.message().orElseThrow())
                    .startsWith("calc_test.go:21: Divide(1, 0): got 0, want an error"));
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("example.com/calc/broken"))
        .singleElement()
        .satisfies(
            t -> assertThat(t.message()).hasValue("FAIL\texample.com/calc/broken [build failed]"));
  }

  @Test
  void aPackageThatFailsBecauseOfItsTestsIsNotCountedAgain() {
    TestReport report = parser.parse(Reports.text("go-test.json"), false);

    assertThat(report.failedNames()).doesNotContain("example.com/calc");
  }

  @Test
  void eventsWithoutAPackageAsTest2jsonWritesThemAreRead() {
    String output =
        """
        {"Action":"run","Test":"TestPanic"}
        {"Action":"output","Test":"TestPanic","Output":"--- FAIL: TestPanic (0.00s)\\n"}
        {"Action":"output","Test":"TestPanic","Output":"panic: oops [recovered]\\n"}
        {"Action":"fail","Test":"TestPanic"}
        {"Action":"output","Output":"FAIL\\n"}
        {"Action":"fail"}
        """;

    TestReport report = parser.parse(output, false);

    assertThat(report.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("TestPanic");
              assertThat(t.status()).isEqualTo(TestStatus.FAILED);
              assertThat(t.message().orElseThrow()).contains("panic: oops");
            });
  }

  @Test
  void outputWithNoEventIsNotAReport() {
    assertThatThrownBy(() -> parser.parse("ok  \texample.com/calc\t0.002s\n", false))
        .isInstanceOf(ReportFormatException.class);
    assertThatThrownBy(() -> parser.parse("", false)).isInstanceOf(ReportFormatException.class);
  }

  @Test
  void outputCutShortIsMarkedTruncated() {
    String text = Reports.text("go-test.json");
    TestReport report = parser.parse(text.substring(0, text.indexOf("TestRound")), true);

    assertThat(report.truncated()).isTrue();
    assertThat(report.passed()).isEqualTo(2);
  }
}
