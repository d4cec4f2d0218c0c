package dev.agentos.executor.verification;

import dev.agentos.executor.sandbox.CollectedFile;
import dev.agentos.executor.sandbox.Language;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.SandboxRequest;
import dev.agentos.executor.sandbox.SandboxResult;
import dev.agentos.executor.sandbox.SandboxRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a suggestion's tests run in the sandbox so that their runner's own report can be read, and
 * how the verdict is read from it. The test command runs as it was given, with {@code /bin/sh -c}
 * in the work folder; each runner is asked for its machine report where it has one, through its own
 * environment variable where it reads one, so that the command may take any shape ({@code cd tests
 * && pytest -q}):
 *
 * <ul>
 *   <li>pytest: {@code PYTEST_ADDOPTS=--junitxml=<report>};
 *   <li>node's test runner: {@code NODE_OPTIONS} adds the junit reporter to a file, beside the spec
 *       reporter on stdout that people read;
 *   <li>unittest, which has no report of its own: {@code python3 -m unittest ARGS} becomes {@code
 *       python3 <runner> ARGS}, a standard-library script placed in the work folder that runs
 *       unittest exactly as {@code -m unittest} does and writes each result as JUnit XML;
 *   <li>JUnit: the report folders of surefire, failsafe and Gradle, and {@code
 *       $AGENTOS_TEST_REPORTS} for JUnit's console launcher ({@code --reports-dir}); the JVMs it
 *       starts get heap options that fit the memory limit;
 *   <li>go test: {@code GOFLAGS=-json}, read from stdout;
 *   <li>cargo test: libtest's result lines on stdout (its machine formats are unstable).
 * </ul>
 *
 * The report's paths start with {@code .agentos-test}; a suggestion may not place files there, so
 * that it cannot bring a report of its own.
 */
public final class VerificationPlan {

  static final String REPORT = ".agentos-test-report.xml";
  static final String REPORTS = ".agentos-test-reports";
  static final String UNITTEST_RUNNER = ".agentos-test-unittest.py";

  /** Where the report folders of Maven's and Gradle's JUnit runs are, by their conventions. */
  static final List<String> JUNIT_TOOL_REPORTS =
      List.of("target/surefire-reports", "target/failsafe-reports", "build/test-results/test");

  /** Variables that hold a runner's options: the plan's are added to the execution's. */
  private static final Set<String> OPTION_LISTS =
      Set.of("PYTEST_ADDOPTS", "NODE_OPTIONS", "GOFLAGS");

  private static final Pattern PYTHON_M_UNITTEST =
      Pattern.compile("\\b(python[0-9.]*)\\s+-m\\s+unittest\\b");

  private final TestFramework framework;
  private final String command;
  private final Map<String, String> environment;
  private final Map<String, byte[]> files;
  private final List<String> collect;

  private VerificationPlan(
      TestFramework framework,
      String command,
      Map<String, String> environment,
      Map<String, byte[]> files,
      List<String> collect) {
    this.framework = framework;
    this.command = command;
    this.environment = Map.copyOf(environment);
    this.files = Map.copyOf(files);
    this.collect = List.copyOf(collect);
  }

  /**
   * The plan for a VerificationRequested.
   *
   * @param language the execution's language, e.g. "python"
   * @param testFramework the framework it names, or null to infer it (see {@link TestFramework})
   * @param testCommand the command that runs the tests, e.g. "pytest -q"
   * @throws IllegalArgumentException if the framework is unknown or cannot be told, or the command
   *     cannot be made to report (unittest run otherwise than by {@code -m unittest}): the
   *     verification is then an ERROR without running anything
   */
  public static VerificationPlan of(String language, String testFramework, String testCommand) {
    if (testCommand == null || testCommand.isBlank()) {
      throw new IllegalArgumentException("a verification needs a test command");
    }
    TestFramework framework = TestFramework.of(testFramework, language, testCommand);
    String report = SandboxRunner.WORK_FOLDER + "/" + REPORT;
    return switch (framework) {
      case PYTEST ->
          new VerificationPlan(
              framework,
              testCommand,
              Map.of("PYTEST_ADDOPTS", "--junitxml=" + report),
              Map.of(),
              List.of(REPORT));
      case UNITTEST -> unittest(testCommand, report);
      case NODE ->
          new VerificationPlan(
              framework,
              testCommand,
              Map.of(
                  "NODE_OPTIONS",
                  "--test-reporter=spec --test-reporter-destination=stdout"
                      + " --test-reporter=junit --test-reporter-destination="
                      + report),
              Map.of(),
              List.of(REPORT));
      case JUNIT -> {
        List<String> folders = new ArrayList<>(List.of(REPORTS));
        folders.addAll(JUNIT_TOOL_REPORTS);
        yield new VerificationPlan(
            framework,
            testCommand,
            Map.of("AGENTOS_TEST_REPORTS", SandboxRunner.WORK_FOLDER + "/" + REPORTS),
            Map.of(),
            folders);
      }
      case GO ->
          new VerificationPlan(
              framework,
              testCommand,
              Map.of("GOFLAGS", "-json", "GOCACHE", "/tmp/go-cache", "GOPATH", "/tmp/go"),
              Map.of(),
              List.of());
      case CARGO ->
          new VerificationPlan(
              framework, testCommand, Map.of("CARGO_TERM_COLOR", "never"), Map.of(), List.of());
    };
  }

  private static VerificationPlan unittest(String testCommand, String report) {
    Matcher m = PYTHON_M_UNITTEST.matcher(testCommand);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "unittest has no report of its own; run it as \"python3 -m unittest ...\" so that its"
              + " results can be read, not \""
              + testCommand
              + "\"");
    }
    String runner = SandboxRunner.WORK_FOLDER + "/" + UNITTEST_RUNNER;
    String command = m.replaceAll(Matcher.quoteReplacement(m.group(1) + " " + runner));
    return new VerificationPlan(
        TestFramework.UNITTEST,
        command,
        Map.of("AGENTOS_TEST_REPORT", report),
        Map.of(UNITTEST_RUNNER, resource("unittest_junit.py")),
        List.of(REPORT));
  }

  public TestFramework framework() {
    return framework;
  }

  /** The shell command line the sandbox runs: the test command, rewritten only for unittest. */
  public String command() {
    return command;
  }

  /**
   * The sandbox request that runs the tests.
   *
   * @param suggestionFiles the files to test, by path relative to the work folder
   * @param environment the execution's variables. Where the plan sets one too, a runner's option
   *     list (PYTEST_ADDOPTS, NODE_OPTIONS, GOFLAGS) gets the plan's options after the execution's,
   *     the report's location (AGENTOS_*) is the plan's, and any other (GOCACHE) the execution's
   * @throws IllegalArgumentException if a file would lie where the report is read from
   */
  public SandboxRequest request(
      Map<String, byte[]> suggestionFiles, Map<String, String> environment, Limits limits) {
    for (String path : suggestionFiles.keySet()) {
      String normal = Path.of(path).normalize().toString();
      if (normal.startsWith(".agentos-test")
          || collect.stream().anyMatch(c -> normal.equals(c) || normal.startsWith(c + "/"))) {
        throw new IllegalArgumentException(
            "a suggestion may not place " + path + ": the test report is read from there");
      }
    }
    Map<String, byte[]> all = new HashMap<>(suggestionFiles);
    all.putAll(files);
    Map<String, String> variables = new HashMap<>(environment);
    this.environment.forEach(
        (name, ours) -> {
          if (OPTION_LISTS.contains(name)) {
            variables.merge(name, ours, (theirs, plan) -> theirs + " " + plan);
          } else if (name.startsWith("AGENTOS_")) {
            variables.put(name, ours);
          } else {
            variables.putIfAbsent(name, ours);
          }
        });
    if (framework == TestFramework.JUNIT) {
      variables.merge(
          "JAVA_TOOL_OPTIONS",
          String.join(" ", Language.jvmOptions(limits)),
          (theirs, ours) -> ours + " " + theirs);
    }
    return new SandboxRequest(
        List.of("/bin/sh", "-c", command), all, new byte[0], variables, limits, collect);
  }

  /** The verification of a run of {@link #request}: its report read and judged. */
  public Verification verify(SandboxResult run) {
    TestReport report;
    try {
      report = read(run);
    } catch (ReportFormatException e) {
      return Verification.error(
          "cannot read the " + framework.id() + " report: " + e.getMessage(), TestReport.empty());
    } catch (MissingReportException e) {
      return Verification.error(e.getMessage(), TestReport.empty());
    }
    return Verification.judge(report, run);
  }

  private TestReport read(SandboxResult run) {
    return switch (framework) {
      case GO -> new GoTestJsonParser().parse(run.stdout().text(), run.stdout().truncated());
      case CARGO -> new CargoTestParser().parse(run.stdout().text(), run.stdout().truncated());
      case NODE -> junitXml(run, JUnitXmlParser.Naming.SUITES);
      default -> junitXml(run, JUnitXmlParser.Naming.CLASSNAME);
    };
  }

  private TestReport junitXml(SandboxResult run, JUnitXmlParser.Naming naming) {
    JUnitXmlParser parser = new JUnitXmlParser(naming);
    TestReport.Builder report = new TestReport.Builder();
    int files = 0;
    for (Map.Entry<String, CollectedFile> file : new TreeMap<>(run.collected()).entrySet()) {
      if (!file.getKey().endsWith(".xml")) {
        continue;
      }
      if (file.getValue().truncated()) {
        throw new ReportFormatException(
            file.getKey() + " is larger than the " + file.getValue().size() + " bytes read of it");
      }
      parser.parseInto(file.getValue().bytes(), report);
      files++;
    }
    if (files == 0) {
      throw new MissingReportException(
          "the test runner wrote no report (exit "
              + run.exitCode()
              + ", "
              + run.outcome()
              + "): "
              + firstLines(
                  run.stderr().text().isBlank() ? run.stdout().text() : run.stderr().text()));
    }
    return report.build();
  }

  /** What a runner that wrote no report said, for the reason of the ERROR. */
  private static String firstLines(String output) {
    String text = output.strip();
    return TestResult.cut(text.isEmpty() ? "no output" : text, 500);
  }

  private static byte[] resource(String name) {
    try (InputStream in = VerificationPlan.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the executor's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The runner wrote no report at all. */
  private static final class MissingReportException extends RuntimeException {
    MissingReportException(String message) {
      super(message);
    }
  }
}
