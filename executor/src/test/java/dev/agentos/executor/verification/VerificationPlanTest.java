package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.executor.sandbox.CollectedFile;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.Outcome;
import dev.agentos.executor.sandbox.OutputExcerpt;
import dev.agentos.executor.sandbox.SandboxRequest;
import dev.agentos.executor.sandbox.SandboxResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VerificationPlanTest {

  private static final Map<String, byte[]> TEST_FILE =
      Map.of("test_calc.py", "def test_x(): pass\n".getBytes(StandardCharsets.UTF_8));

  private static SandboxResult run(
      int exitCode, String stdout, String stderr, Map<String, CollectedFile> collected) {
    return new SandboxResult(
        exitCode,
        Outcome.EXITED,
        Duration.ofSeconds(1),
        Optional.empty(),
        OptionalLong.empty(),
        excerpt(stdout),
        excerpt(stderr),
        collected);
  }

  private static OutputExcerpt excerpt(String text) {
    return new OutputExcerpt(text.getBytes(StandardCharsets.UTF_8), false);
  }

  private static CollectedFile file(byte[] bytes) {
    return new CollectedFile(bytes, false);
  }

  @Test
  void pytestIsAskedForJUnitXmlThroughItsOwnVariableSoAnyCommandShapeWorks() {
    VerificationPlan plan = VerificationPlan.of("python", null, "cd tests && pytest -q");
    SandboxRequest request =
        plan.request(TEST_FILE, Map.of("PYTEST_ADDOPTS", "-x", "API", "1"), Limits.defaults());

    assertThat(plan.framework()).isEqualTo(TestFramework.PYTEST);
    assertThat(request.command()).containsExactly("/bin/sh", "-c", "cd tests && pytest -q");
    assertThat(request.environment())
        .containsEntry("PYTEST_ADDOPTS", "-x --junitxml=/work/.agentos-test-report.xml")
        .containsEntry("API", "1");
    assertThat(request.collect()).containsExactly(".agentos-test-report.xml");
    assertThat(request.files()).containsOnlyKeys("test_calc.py");
  }

  @Test
  void nodeKeepsItsSpecOutputAndWritesJUnitXmlBesideIt() {
    SandboxRequest request =
        VerificationPlan.of("node", null, "node --test")
            .request(Map.of(), Map.of(), Limits.defaults());

    assertThat(request.environment().get("NODE_OPTIONS"))
        .isEqualTo(
            "--test-reporter=spec --test-reporter-destination=stdout"
                + " --test-reporter=junit --test-reporter-destination=/work/.agentos-test-report.xml");
  }

  @Test
  void unittestRunsThroughTheShippedRunnerWithTheSameArguments() {
    VerificationPlan plan =
        VerificationPlan.of("python", "unittest", "cd src && python3 -m unittest -v test_calc");
    SandboxRequest request = plan.request(TEST_FILE, Map.of(), Limits.defaults());

    assertThat(request.command())
        .containsExactly(
            "/bin/sh", "-c", "cd src && python3 /work/.agentos-test-unittest.py -v test_calc");
    assertThat(new String(request.files().get(".agentos-test-unittest.py"), StandardCharsets.UTF_8))
        .contains("unittest.main(module=None, testRunner=ReportingRunner)");
    assertThat(request.environment())
        .containsEntry("AGENTOS_TEST_REPORT", "/work/.agentos-test-report.xml");
  }

  @Test
  void unittestRunOtherwiseThanByDashMCannotReportAndIsRefused() {
    assertThatThrownBy(() -> VerificationPlan.of("python", "unittest", "python3 test_calc.py"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("python3 -m unittest");
  }

  @Test
  void junitCollectsTheToolsReportFoldersAndFitsTheJvmInTheMemoryLimit() {
    SandboxRequest request =
        VerificationPlan.of("java", "junit", "./mvnw -q -o test")
            .request(Map.of(), Map.of("JAVA_TOOL_OPTIONS", "-Dx=1"), Limits.defaults());

    assertThat(request.collect())
        .containsExactly(
            ".agentos-test-reports",
            "target/surefire-reports",
            "target/failsafe-reports",
            "build/test-results/test");
    assertThat(request.environment())
        .containsEntry("AGENTOS_TEST_REPORTS", "/work/.agentos-test-reports");
    assertThat(request.environment().get("JAVA_TOOL_OPTIONS"))
        .startsWith("-Xmx256m -XX:+UseSerialGC")
        .endsWith(" -Dx=1");
  }

  @Test
  void goTestIsAskedForJsonAndReadFromStdout() {
    VerificationPlan plan = VerificationPlan.of("go", null, "go test ./...");
    SandboxRequest request =
        plan.request(Map.of(), Map.of("GOFLAGS", "-count=1"), Limits.defaults());

    assertThat(request.environment())
        .containsEntry("GOFLAGS", "-count=1 -json")
        .containsEntry("GOPATH", "/tmp/go");
    assertThat(
            plan.request(Map.of(), Map.of("GOCACHE", "/work/cache"), Limits.defaults())
                .environment())
        .as("the execution's own cache")
        .containsEntry("GOCACHE", "/work/cache");
    assertThat(
            VerificationPlan.of("python", "unittest", "python3 -m unittest")
                .request(
                    Map.of(), Map.of("AGENTOS_TEST_REPORT", "/tmp/elsewhere"), Limits.defaults())
                .environment())
        .as("the report is where the plan reads it")
        .containsEntry("AGENTOS_TEST_REPORT", "/work/.agentos-test-report.xml");
    assertThat(request.collect()).isEmpty();

    Verification verification = plan.verify(run(1, Reports.text("go-test.json"), "", Map.of()));
    assertThat(verification.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(verification.report().passedNames()).contains("example.com/calc.TestAdd");
  }

  @Test
  void cargoTestIsReadFromStdout() {
    Verification verification =
        VerificationPlan.of("rust", null, "cargo test --offline")
            .verify(run(101, Reports.text("cargo-test.txt"), "", Map.of()));

    assertThat(verification.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(verification.report().failedNames()).containsExactly("tests::fails");
  }

  @Test
  void aSuggestionCannotBringAReportOfItsOwn() {
    VerificationPlan pytest = VerificationPlan.of("python", null, "pytest");
    VerificationPlan junit = VerificationPlan.of("java", "junit", "./mvnw test");
    Map<String, byte[]> forged = Map.of("./.agentos-test-report.xml", new byte[0]);
    Map<String, byte[]> forgedSurefire =
        Map.of("target/surefire-reports/TEST-Calc.xml", new byte[0]);

    assertThatThrownBy(() -> pytest.request(forged, Map.of(), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the test report is read from there");
    assertThatThrownBy(() -> junit.request(forgedSurefire, Map.of(), Limits.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReportFileDecidesTheVerdict() {
    Verification verification =
        VerificationPlan.of("python", "pytest", "pytest -q")
            .verify(
                run(
                    1,
                    "",
                    "",
                    Map.of(".agentos-test-report.xml", file(Reports.bytes("pytest.xml")))));

    assertThat(verification.verdict()).isEqualTo(Verdict.FAILED);
    assertThat(verification.report().failedNames()).contains("test_calc.TestGroup.test_param[2]");
  }

  @Test
  void everyJUnitReportInTheFoldersIsReadAndOtherFilesAreNot() {
    byte[] one =
        "<testsuite name=\"A\"><testcase classname=\"A\" name=\"a\"/></testsuite>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] two =
        "<testsuite name=\"B\"><testcase classname=\"B\" name=\"b\"/></testsuite>"
            .getBytes(StandardCharsets.UTF_8);
    Verification verification =
        VerificationPlan.of("java", null, "./mvnw test")
            .verify(
                run(
                    0,
                    "",
                    "",
                    Map.of(
                        "target/surefire-reports/TEST-A.xml", file(one),
                        "target/surefire-reports/TEST-B.xml", file(two),
                        "target/surefire-reports/A.txt", file("Tests run: 1".getBytes()))));

    assertThat(verification.verdict()).isEqualTo(Verdict.PASSED);
    assertThat(verification.report().passedNames()).containsExactly("A.a", "B.b");
  }

  @Test
  void noReportIsAnErrorThatSaysWhatTheRunnerSaid() {
    Verification verification =
        VerificationPlan.of("python", null, "pytest -q")
            .verify(run(127, "", "sh: 1: pytest: not found\n", Map.of()));

    assertThat(verification.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(verification.reason())
        .hasValue("the test runner wrote no report (exit 127, EXITED): sh: 1: pytest: not found");
  }

  @Test
  void aMalformedOrCutReportIsAnError() {
    byte[] pytest = Reports.bytes("pytest.xml");
    VerificationPlan plan = VerificationPlan.of("python", null, "pytest");

    Verification malformed =
        plan.verify(
            run(1, "", "", Map.of(".agentos-test-report.xml", file(Arrays.copyOf(pytest, 100)))));
    Verification cut =
        plan.verify(
            run(
                1,
                "",
                "",
                Map.of(
                    ".agentos-test-report.xml",
                    new CollectedFile(Arrays.copyOf(pytest, 100), true))));

    assertThat(malformed.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(malformed.reason().orElseThrow())
        .startsWith("cannot read the pytest report: not well-formed XML");
    assertThat(cut.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(cut.reason().orElseThrow()).contains("larger than the 100 bytes read of it");
  }

  @Test
  void aBlankTestCommandIsRefused() {
    assertThatThrownBy(() -> VerificationPlan.of("python", null, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            List.of(
                VerificationPlan.REPORT,
                VerificationPlan.REPORTS,
                VerificationPlan.UNITTEST_RUNNER))
        .allMatch(path -> path.startsWith(".agentos-test"));
  }
}
