package dev.agentos.executor.verification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code cargo test} prints on stdout. libtest's JSON and JUnit formats are unstable
 * (nightly only, behind {@code -Z unstable-options}), so its plain format is read, which has been
 * the same for years: a line "test NAME ... ok|FAILED|ignored" per test, and for each failure a
 * section "---- NAME stdout ----" with what the test printed and its panic. Only those lines are
 * read; anything else the tests print is captured by libtest and appears only in those sections.
 */
public final class CargoTestParser {

  /** "test tests::adds ... ok", "test tests::panics - should panic ... ok", "... ignored, why". */
  private static final Pattern RESULT =
      Pattern.compile("^test (.+?)(?: - should panic)? \\.\\.\\. (ok|FAILED|ignored)(?:, .*)?$");

  private static final Pattern FAILURE_SECTION = Pattern.compile("^---- (.+?) stdout ----$");

  /** libtest's summary of one test binary; its absence means the binary never ran to the end. */
  private static final Pattern SUMMARY = Pattern.compile("^test result: (ok|FAILED)\\. .*");

  private record Line(String name, TestStatus status) {}

  public TestReport parse(String stdout, boolean truncated) {
    List<Line> results = new ArrayList<>();
    Map<String, StringBuilder> sections = new HashMap<>();
    StringBuilder section = null;
    boolean sawSummary = false;
    for (String line : stdout.split("\n")) {
      Matcher result = RESULT.matcher(line);
      Matcher failure = FAILURE_SECTION.matcher(line);
      if (result.matches()) {
        results.add(new Line(result.group(1), status(result.group(2))));
        section = null;
      } else if (failure.matches()) {
        section = sections.computeIfAbsent(failure.group(1), n -> new StringBuilder());
      } else if (line.equals("failures:") || SUMMARY.matcher(line).matches()) {
        sawSummary |= !line.equals("failures:");
        section = null;
      } else if (section != null && section.length() < TestResult.MAX_MESSAGE_CHARS) {
        section.append(line).append('\n');
      }
    }
    if (results.isEmpty() && !sawSummary) {
      throw new ReportFormatException("no libtest result line in the output");
    }
    TestReport.Builder report = new TestReport.Builder();
    for (Line line : results) {
      Optional<String> message =
          line.status == TestStatus.FAILED
              ? Optional.ofNullable(sections.get(line.name)).map(StringBuilder::toString)
              : Optional.empty();
      report.add(line.name, line.status, message);
    }
    if (truncated) {
      report.truncated();
    }
    return report.build();
  }

  private static TestStatus status(String word) {
    return switch (word) {
      case "ok" -> TestStatus.PASSED;
      case "ignored" -> TestStatus.SKIPPED;
      default -> TestStatus.FAILED;
    };
  }
}
