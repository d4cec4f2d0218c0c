package dev.agentos.executor.verification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A test runner whose own report a verification reads, by the names a VerificationRequested's
 * testFramework may give it, and how to tell it from the test command when none is given.
 */
public enum TestFramework {
  PYTEST(List.of("pytest"), "\\bpy\\.?test\\b", List.of("python")),
  UNITTEST(List.of("unittest"), "-m\\s+unittest\\b", List.of()),
  NODE(List.of("node", "node:test"), "\\bnode\\b.*--test\\b", List.of("node", "javascript")),
  JUNIT(List.of("junit", "junit5"), "\\b(mvn|mvnw|gradle|gradlew|junit\\S*)\\b", List.of("java")),
  GO(List.of("go", "gotest"), "\\bgo\\s+test\\b", List.of("go")),
  CARGO(List.of("cargo", "libtest"), "\\bcargo\\s+test\\b", List.of("rust"));

  private final List<String> names;
  private final Pattern command;
  private final List<String> languages;

  TestFramework(List<String> names, String command, List<String> languages) {
    this.names = names;
    this.command = Pattern.compile(command);
    this.languages = languages;
  }

  /** The name a VerificationRequested gives it, e.g. "pytest". */
  public String id() {
    return names.get(0);
  }

  /**
   * The framework named, or inferred from the test command and then the language when the name is
   * null: "python3 -m pytest -q" is pytest whatever the language says, "npm test" in node is node's
   * runner.
   *
   * @throws IllegalArgumentException if the name is unknown or nothing tells the framework
   */
  public static TestFramework of(String name, String language, String testCommand) {
    if (name != null && !name.isBlank()) {
      return named(name)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "unknown test framework \"" + name + "\"; known: " + known()));
    }
    for (TestFramework framework : values()) {
      if (framework.command.matcher(testCommand).find()) {
        return framework;
      }
    }
    String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(framework -> framework.languages.contains(lang))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot tell which test framework runs \""
                        + testCommand
                        + "\" in "
                        + language
                        + "; name one of "
                        + known()));
  }

  static Optional<TestFramework> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.names.contains(wanted)).findFirst();
  }

  private static String known() {
    return Arrays.stream(values()).map(TestFramework::id).toList().toString();
  }
}
