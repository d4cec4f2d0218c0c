package dev.agentos.executor.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the output of {@code go test -json} (cmd/test2json's format): one JSON object a line, each
 * an event with an Action, the Package and, for a test's events, the Test. A test's last event is
 * "pass", "fail" or "skip"; its "output" events before that are its log, kept for a failure's
 * message. A package that fails with no failing test of its own (it did not build, or its test
 * binary crashed outside any test) is reported as an error named after the package.
 *
 * <p>Lines that are not JSON objects are left out: the test command may print other things, and go
 * itself writes build errors to stderr, not here.
 */
public final class GoTestJsonParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TestReport parse(String output, boolean truncated) {
    TestReport.Builder report = new TestReport.Builder();
    Map<String, StringBuilder> logs = new HashMap<>();
    Set<String> packagesWithFailures = new HashSet<>();
    boolean sawEvent = false;
    for (String line : output.split("\n")) {
      Optional<JsonNode> parsed = event(line);
      if (parsed.isEmpty()) {
        continue;
      }
      sawEvent = true;
      JsonNode event = parsed.get();
      String action = event.path("Action").asText();
      String pkg = event.path("Package").asText();
      String test = event.path("Test").asText();
      String key = pkg + "\n" + test;
      switch (action) {
        case "output" -> append(logs, key, event.path("Output").asText());
        case "pass", "fail", "skip" -> {
          Optional<String> log = Optional.ofNullable(logs.remove(key)).map(StringBuilder::toString);
          if (!test.isEmpty()) {
            TestStatus status = status(action);
            if (status.failing()) {
              packagesWithFailures.add(pkg);
            }
            report.add(
                name(pkg, test), status, status == TestStatus.PASSED ? Optional.empty() : log);
          } else if (action.equals("fail") && !packagesWithFailures.contains(pkg)) {
            report.add(pkg.isEmpty() ? "(package)" : pkg, TestStatus.ERROR, log);
          }
        }
        default -> {}
      }
    }
    if (!sawEvent) {
      throw new ReportFormatException("no go test -json event in the output");
    }
    if (truncated) {
      report.truncated();
    }
    return report.build();
  }

  private static Optional<JsonNode> event(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(trimmed);
      return node.hasNonNull("Action") ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Keeps a test's log up to a message's length; a chatty test costs no more than that. */
  private static void append(Map<String, StringBuilder> logs, String key, String output) {
    StringBuilder log = logs.computeIfAbsent(key, k -> new StringBuilder());
    int room = TestResult.MAX_MESSAGE_CHARS - log.length();
    if (room > 0 && !output.startsWith("=== ")) {
      log.append(output, 0, Math.min(room, output.length()));
    }
  }

  private static TestStatus status(String action) {
    return switch (action) {
      case "pass" -> TestStatus.PASSED;
      case "skip" -> TestStatus.SKIPPED;
      default -> TestStatus.FAILED;
    };
  }

  /** "example.com/calc.TestAdd/small": the package path, a dot, and go's own name of the test. */
  private static String name(String pkg, String test) {
    return pkg.isEmpty() ? test : pkg + "." + test;
  }
}
