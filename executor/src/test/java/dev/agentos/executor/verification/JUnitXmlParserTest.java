package dev.agentos.executor.verification;

import static dev.agentos.executor.verification.JUnitXmlParser.Naming.CLASSNAME;
import static dev.agentos.executor.verification.JUnitXmlParser.Naming.SUITES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitXmlParserTest {

  private static TestReport parse(JUnitXmlParser.Naming naming, String xml) {
    return new JUnitXmlParser(naming).parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsPytestsReportWithClassesParametersSkipsAndASetupError() {
    TestReport report = new JUnitXmlParser(CLASSNAME).parse(Reports.bytes("pytest.xml"));

    assertThat(report.passedNames())
        .containsExactly(
            "test_calc.test_adds",
            "test_calc.TestGroup.test_param[1]",
            "test_calc.TestGroup.test_param[a b]");
    assertThat(report.failedNames())
        .containsExactly(
            "test_calc.test_fails", "test_calc.test_error", "test_calc.TestGroup.test_param[2]");
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("test_calc.test_error"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo(TestStatus.ERROR);
              assertThat(t.message())
                  .hasValue("failed on setup with \"RuntimeError: fixture broke\"");
            });
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("test_calc.test_fails"))
        .singleElement()
        .satisfies(
            t -> assertThat(t.message().orElseThrow()).startsWith("AssertionError: math <broken>"));
    // A skip and an expected failure (xfail) ran no assertion that counts.
    assertThat(report.skipped()).isEqualTo(2);
    assertThat(report.passed()).isEqualTo(3);
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.errors()).isEqualTo(1);
    assertThat(report.testsRun()).isEqualTo(6);
    assertThat(report.truncated()).isFalse();
  }

  @Test
  void aModuleThatDoesNotImportIsAnError() {
    TestReport report =
        new JUnitXmlParser(CLASSNAME).parse(Reports.bytes("pytest-collection-error.xml"));

    assertThat(report.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("test_bad");
              assertThat(t.status()).isEqualTo(TestStatus.ERROR);
              assertThat(t.message()).hasValue("collection failure");
            });
  }

  @Test
  void readsNodesReportWithSuitesEscapesAndATodoThatFails() {
    TestReport report = new JUnitXmlParser(SUITES).parse(Reports.bytes("node.xml"));

    assertThat(report.passedNames()).containsExactly("adds", "subtracts", "suite > nested ok");
    assertThat(report.failedNames()).containsExactly("fails <&>");
    // node's own exit code ignores a failing todo; so does the verdict.
    assertThat(report.tests())
        .filteredOn(t -> t.status() == TestStatus.SKIPPED)
        .extracting(TestResult::name)
        .containsExactly("skipped", "suite > nested todo");
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("fails <&>"))
        .singleElement()
        .satisfies(
            t -> assertThat(t.message()).hasValue("Expected values to be strictly equal:1 !== 2"));
  }

  @Test
  void readsJUnitConsoleLaunchersReportWithNestedClassesParametersAndErrors() {
    TestReport report =
        new JUnitXmlParser(CLASSNAME).parse(Reports.bytes("junit-console-launcher.xml"));

    assertThat(report.passedNames())
        .containsExactlyInAnyOrder(
            "CalculatorTest.adds()",
            "CalculatorTest.isOdd(int)[1]",
            "CalculatorTest$Negative.negates()");
    assertThat(report.failedNames())
        .containsExactlyInAnyOrder(
            "CalculatorTest.multiplies()",
            "CalculatorTest.isOdd(int)[2]",
            "CalculatorTest.crashes()");
    assertThat(report.errors()).isEqualTo(1);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.tests())
        .filteredOn(t -> t.name().equals("CalculatorTest.multiplies()"))
        .singleElement()
        .satisfies(
            t -> assertThat(t.message()).hasValue("math is broken ==> expected: <3> but was: <2>"));
  }

  @Test
  void readsTheReportOfTheUnittestRunnerTheExecutorShips() {
    TestReport report = new JUnitXmlParser(CLASSNAME).parse(Reports.bytes("unittest.xml"));

    assertThat(report.passedNames())
        .containsExactly("test_calc.CalcTest.test_adds", "test_calc.CalcTest.test_subtracts");
    assertThat(report.failedNames())
        .containsExactly(
            "test_calc.CalcTest.test_error",
            "test_calc.CalcTest.test_multiplies",
            "test_calc.CalcTest.test_sub (n=1)");
    assertThat(report.skipped()).isEqualTo(1);
  }

  @Test
  void namesTestsBySuitesNestedInSuites() {
    String xml =
        """
        <testsuites>
          <testsuite name="math">
            <testsuite name="division">
              <testcase name="by one" classname="test"/>
            </testsuite>
            <testcase name="adds" classname="test"/>
          </testsuite>
          <testcase name="top" classname="test"/>
        </testsuites>
        """;

    assertThat(parse(SUITES, xml).passedNames())
        .containsExactly("math > division > by one", "math > adds", "top");
    assertThat(parse(CLASSNAME, xml).passedNames())
        .containsExactly("test.by one", "test.adds", "test.top");
  }

  @Test
  void aSingleSuiteAsRootIsAReportToo() {
    TestReport report =
        parse(
            CLASSNAME,
            "<?xml version=\"1.0\"?><testsuite name=\"x\"><testcase classname=\"A\" name=\"b\">"
                + "<error type=\"java.lang.Error\">stack\n  at A.b</error></testcase></testsuite>");

    assertThat(report.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.status()).isEqualTo(TestStatus.ERROR);
              assertThat(t.message())
                  .as("no message attribute: the text")
                  .hasValue("stack\n  at A.b");
            });
  }

  @Test
  void anEmptyReportHasNoTests() {
    assertThat(parse(CLASSNAME, "<testsuites/>").testsRun()).isZero();
  }

  @Test
  void malformedOrTruncatedInputIsAClearError() {
    byte[] pytest = Reports.bytes("pytest.xml");
    byte[] cut = Arrays.copyOf(pytest, pytest.length / 2);

    assertThatThrownBy(() -> new JUnitXmlParser(CLASSNAME).parse(cut))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith("not well-formed XML");
    assertThatThrownBy(() -> parse(CLASSNAME, "")).isInstanceOf(ReportFormatException.class);
    assertThatThrownBy(() -> parse(CLASSNAME, "<html><body>500</body></html>"))
        .isInstanceOf(ReportFormatException.class)
        .hasMessage("not a JUnit report: the root element is <html>");
    assertThatThrownBy(() -> parse(CLASSNAME, "{\"tests\": []}"))
        .isInstanceOf(ReportFormatException.class);
  }

  @Test
  void anExternalEntityIsNotReadFromTheHost(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "the-host-secret");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE testsuites [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><testsuites><testcase name=\"&x;\"/></testsuites>";

    assertThatThrownBy(() -> parse(CLASSNAME, xml))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageNotContaining("the-host-secret");
  }

  @Test
  void entitiesThatExpandWithoutEndAreRefused() {
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY a").append(i).append(" \"");
      xml.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    xml.append("]><testsuites><testcase name=\"&a9;\"/></testsuites>");

    assertThatThrownBy(() -> parse(CLASSNAME, xml.toString()))
        .isInstanceOf(ReportFormatException.class);
  }

  @Test
  void aHundredThousandTestsAreCountedButTheListIsCapped() {
    StringBuilder xml = new StringBuilder("<testsuites><testsuite name=\"big\">");
    for (int i = 0; i < 100_000; i++) {
      xml.append("<testcase classname=\"big.Suite\" name=\"test_number_").append(i).append("\"");
      xml.append(i % 1000 == 999 ? "><failure message=\"off by one\"/></testcase>" : "/>");
    }
    xml.append("</testsuite></testsuites>");
    assertThat(xml.length()).isGreaterThan(5_000_000);

    TestReport report = parse(CLASSNAME, xml.toString());

    assertThat(report.passed()).isEqualTo(99_900);
    assertThat(report.failed()).isEqualTo(100);
    assertThat(report.tests()).hasSize(TestReport.MAX_TESTS);
    assertThat(report.truncated()).isTrue();
  }

  @Test
  void aHugeFailureMessageAndNameAreCut() {
    String trace = "at Frame.call(Frame.java:1)\n".repeat(400_000);
    String name = "test_with_data[" + "x".repeat(10_000) + "]";
    String xml =
        "<testsuites><testcase classname=\"A\" name=\""
            + name
            + "\"><failure>"
            + trace
            + "</failure></testcase></testsuites>";
    assertThat(xml.length()).isGreaterThan(10_000_000);

    TestResult test = parse(CLASSNAME, xml).tests().get(0);

    assertThat(test.status()).isEqualTo(TestStatus.FAILED);
    assertThat(test.name()).hasSize(TestResult.MAX_NAME_CHARS).endsWith("…");
    assertThat(test.message().orElseThrow()).hasSizeLessThanOrEqualTo(TestResult.MAX_MESSAGE_CHARS);
  }
}
