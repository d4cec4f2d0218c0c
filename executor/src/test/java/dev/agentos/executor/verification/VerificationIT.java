package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.executor.sandbox.BubblewrapRunner;
import dev.agentos.executor.sandbox.Language;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.Runtimes;
import dev.agentos.executor.sandbox.SandboxResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each installed runtime's test runner runs a test file of two passing tests and one failing test
 * in a real sandbox, and the verification, read from the runner's own report, names exactly those.
 * A runtime that is not installed where the sandbox sees it is skipped; python3 with pytest is not
 * optional (./agentos installs pytest, as it installs bubblewrap), nor is JUnit's console launcher
 * where Java is installed.
 */
class VerificationIT {

  /** Room for javac, a JVM and node's runner, which the defaults for one small program lack. */
  private static final Limits LIMITS =
      Limits.defaults()
          .withCpuTime(Duration.ofSeconds(60))
          .withWallTime(Duration.ofSeconds(120))
          .withMemoryBytes(1024L * 1024 * 1024)
          .withMaxProcesses(256);

  private static final String JUNIT = "/usr/share/java/junit-platform-console-standalone.jar";

  static Path workRoot;
  static BubblewrapRunner runner;
  static List<Runtime> runtimes;

  @BeforeAll
  static void startRunner() throws IOException {
    workRoot = Files.createTempDirectory("agentos-verification-it-");
    runner = BubblewrapRunner.onThisMachine(workRoot);
    runtimes = Runtimes.detect();
    runtimes.forEach(r -> System.out.printf("%s: %s%n", r.language().id(), r.version()));
  }

  @AfterAll
  static void removeWorkRoot() throws IOException {
    Files.delete(workRoot);
  }

  private static boolean installed(Language language) {
    return runtimes.stream().anyMatch(r -> r.language() == language);
  }

  /** Runs the plan's request with these files and checks nothing of the run is left. */
  private static Verification verify(
      String language, String framework, String command, Map<String, String> files)
      throws IOException {
    VerificationPlan plan = VerificationPlan.of(language, framework, command);
    Map<String, byte[]> bytes = new HashMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    SandboxResult run = runner.run(plan.request(bytes, Map.of(), LIMITS));
    Verification verification = plan.verify(run);
    System.out.printf(
        "%s (%s): %s in %d ms, exit %d; %d passed %s, %d failed %s, %d skipped%s%n",
        plan.framework().id(),
        command,
        verification.verdict(),
        run.wallTime().toMillis(),
        run.exitCode(),
        verification.report().passed(),
        verification.report().passedNames(),
        verification.report().failed() + verification.report().errors(),
        verification.report().failedNames(),
        verification.report().skipped(),
        verification.reason().map(r -> "; " + r).orElse(""));
    if (verification.verdict() == Verdict.ERROR) {
      System.out.println(run.stdout().text() + run.stderr().text());
    }
    try (var left = Files.list(workRoot)) {
      assertThat(left).as("work folders left").isEmpty();
    }
    return verification;
  }

  private static void assertVerified(
      Verification verification, List<String> passed, List<String> failed) {
    assertThat(verification.verdict())
        .isEqualTo(failed.isEmpty() ? Verdict.PASSED : Verdict.FAILED);
    assertThat(verification.report().passedNames()).containsExactlyInAnyOrderElementsOf(passed);
    assertThat(verification.report().failedNames()).containsExactlyInAnyOrderElementsOf(failed);
    assertThat(verification.reason()).isEmpty();
  }

  private static final String PYTEST_FILE =
      """
      def add(a, b):
          return a + b

      def test_adds():
          assert add(1, 1) == 2

      def test_adds_negatives():
          assert add(-1, -1) == -2

      def test_adds_wrongly():
          assert add(1, 1) == 3
      """;

  @Test
  void pytestListsThePassedAndTheFailedTests() throws IOException {
    assertThat(installed(Language.PYTHON)).as("python3 under /usr").isTrue();

    Verification verification =
        verify("python", null, "pytest -q", Map.of("test_calc.py", PYTEST_FILE));

    assertVerified(
        verification,
        List.of("test_calc.test_adds", "test_calc.test_adds_negatives"),
        List.of("test_calc.test_adds_wrongly"));
    assertThat(verification.report().tests())
        .filteredOn(t -> t.status() == TestStatus.FAILED)
        .singleElement()
        .satisfies(t -> assertThat(t.message().orElseThrow()).contains("assert 2 == 3"));
  }

  @Test
  void pytestOnPassingCodeIsPassed() throws IOException {
    Verification verification =
        verify(
            "python",
            "pytest",
            "python3 -m pytest -q",
            Map.of("tests/test_calc.py", PYTEST_FILE.replace("== 3", "== 2")));

    assertVerified(
        verification,
        List.of(
            "tests.test_calc.test_adds",
            "tests.test_calc.test_adds_negatives",
            "tests.test_calc.test_adds_wrongly"),
        List.of());
  }

  @Test
  void unittestListsThePassedAndTheFailedTests() throws IOException {
    String tests =
        """
        import unittest

        class CalcTest(unittest.TestCase):
            def test_adds(self):
                self.assertEqual(1 + 1, 2)

            def test_adds_negatives(self):
                self.assertEqual(-1 + -1, -2)

            def test_adds_wrongly(self):
                self.assertEqual(1 + 1, 3)
        """;

    Verification verification =
        verify("python", null, "python3 -m unittest -v", Map.of("test_calc.py", tests));

    assertVerified(
        verification,
        List.of("test_calc.CalcTest.test_adds", "test_calc.CalcTest.test_adds_negatives"),
        List.of("test_calc.CalcTest.test_adds_wrongly"));
  }

  @Test
  void nodesTestRunnerListsThePassedAndTheFailedTests() throws IOException {
    assumeTrue(installed(Language.NODE), "node is not installed under /usr");
    String tests =
        """
        const { describe, it } = require('node:test');
        const assert = require('node:assert');
        describe('calc', () => {
          it('adds', () => assert.strictEqual(1 + 1, 2));
          it('adds negatives', () => assert.strictEqual(-1 + -1, -2));
          it('adds wrongly', () => assert.strictEqual(1 + 1, 3));
        });
        """;

    Verification verification = verify("node", null, "node --test", Map.of("calc.test.js", tests));

    assertVerified(
        verification,
        List.of("calc > adds", "calc > adds negatives"),
        List.of("calc > adds wrongly"));
  }

  @Test
  void junitsConsoleLauncherListsThePassedAndTheFailedTests() throws IOException {
    assumeTrue(installed(Language.JAVA), "java is not installed under /usr");
    assertThat(Path.of(JUNIT)).as("./agentos installs junit5 where Java is").exists();
    String tests =
        """
        import static org.junit.jupiter.api.Assertions.assertEquals;
        import org.junit.jupiter.api.Test;

        class CalculatorTest {
          @Test void adds() { assertEquals(2, 1 + 1); }
          @Test void addsNegatives() { assertEquals(-2, -1 + -1); }
          @Test void addsWrongly() { assertEquals(3, 1 + 1); }
        }
        """;
    String command =
        "javac -d out -cp "
            + JUNIT
            + " CalculatorTest.java && java -jar "
            + JUNIT
            + " -cp out --select-class CalculatorTest --disable-banner"
            + " --reports-dir=$AGENTOS_TEST_REPORTS";

    Verification verification =
        verify("java", "junit", command, Map.of("CalculatorTest.java", tests));

    assertVerified(
        verification,
        List.of("CalculatorTest.adds()", "CalculatorTest.addsNegatives()"),
        List.of("CalculatorTest.addsWrongly()"));
  }

  /** Not run where this was written: no go tool chain was installed under /usr. */
  @Test
  void goTestListsThePassedAndTheFailedTests() throws IOException {
    assumeTrue(installed(Language.GO), "go is not installed under /usr");
    String tests =
        """
        package calc

        import "testing"

        func TestAdd(t *testing.T) { if 1+1 != 2 { t.Fatal("1+1") } }
        func TestAddNegatives(t *testing.T) { if -1+-1 != -2 { t.Fatal("-1+-1") } }
        func TestAddWrongly(t *testing.T) { if 1+1 != 3 { t.Fatal("1+1 is not 3") } }
        """;

    Verification verification =
        verify(
            "go",
            null,
            "go test ./...",
            Map.of("go.mod", "module example.com/calc\n\ngo 1.18\n", "calc_test.go", tests));

    assertVerified(
        verification,
        List.of("example.com/calc.TestAdd", "example.com/calc.TestAddNegatives"),
        List.of("example.com/calc.TestAddWrongly"));
  }

  /** Not run where this was written: rustc and cargo were installed only under /root. */
  @Test
  void cargoTestListsThePassedAndTheFailedTests() throws IOException {
    assumeTrue(installed(Language.RUST), "rustc is not installed under /usr");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/cargo"))
            || Files.isExecutable(Path.of("/usr/local/bin/cargo")),
        "cargo is not installed under /usr");
    String lib =
        """
        #[cfg(test)]
        mod tests {
            #[test] fn adds() { assert_eq!(1 + 1, 2); }
            #[test] fn adds_negatives() { assert_eq!(-1 + -1, -2); }
            #[test] fn adds_wrongly() { assert_eq!(1 + 1, 3); }
        }
        """;
    String manifest = "[package]\nname = \"calc\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    Verification verification =
        verify(
            "rust",
            null,
            "cargo test --offline",
            Map.of("Cargo.toml", manifest, "src/lib.rs", lib));

    assertVerified(
        verification,
        List.of("tests::adds", "tests::adds_negatives"),
        List.of("tests::adds_wrongly"));
  }

  /**
   * The program may leave a link where the report should be; the executor reads the report on the
   * host, outside the sandbox, and must not follow it to the host's files.
   */
  @Test
  void aReportLinkedToAHostFileIsNotRead() throws IOException {
    Verification verification =
        verify(
            "python",
            "pytest",
            "ln -s /etc/shadow /work/.agentos-test-report.xml",
            Map.of("test_calc.py", PYTEST_FILE));

    assertThat(verification.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(verification.reason().orElseThrow())
        .startsWith("the test runner wrote no report (exit 0, EXITED)")
        .doesNotContain("root:");
  }

  @Test
  void aMissingRunnerIsAnErrorNotAFailure() throws IOException {
    Verification verification =
        verify("python", "pytest", "no-such-pytest -q", Map.of("test_calc.py", PYTEST_FILE));

    assertThat(verification.verdict()).isEqualTo(Verdict.ERROR);
    assertThat(verification.reason().orElseThrow())
        .startsWith("the test runner wrote no report (exit 127, EXITED)")
        .contains("not found");
    assertThat(verification.report().tests()).isEmpty();
    assertThat(Optional.of(verification.report().testsRun())).contains(0);
  }
}
