package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The language parsers, in the order their marks are checked when no hint is given. */
final class LanguageParsers {

  /**
   * Most specific marks first: a Rust backtrace's {@code at src/main.rs:4:37} lines would also pass
   * for Node.js frames, so Rust is checked before Node.js.
   */
  static final List<ErrorParser> DETECTION_ORDER =
      List.of(
          new PythonParser(), new JavaParser(), new GoParser(), new RustParser(), new NodeParser());

  private static final Map<String, String> HINT_ALIASES =
      Map.ofEntries(
          Map.entry("py", "python"),
          Map.entry("python3", "python"),
          Map.entry("pytest", "python"),
          Map.entry("kotlin", "java"),
          Map.entry("kt", "java"),
          Map.entry("scala", "java"),
          Map.entry("groovy", "java"),
          Map.entry("jvm", "java"),
          Map.entry("js", "javascript"),
          Map.entry("node", "javascript"),
          Map.entry("nodejs", "javascript"),
          Map.entry("typescript", "javascript"),
          Map.entry("ts", "javascript"),
          Map.entry("golang", "go"),
          Map.entry("rs", "rust"));

  private LanguageParsers() {}

  /** The parser a language hint names, empty for a null or unknown hint. */
  static Optional<ErrorParser> forHint(String hint) {
    if (hint == null) {
      return Optional.empty();
    }
    String name = hint.strip().toLowerCase(Locale.ROOT);
    String language = HINT_ALIASES.getOrDefault(name, name);
    return DETECTION_ORDER.stream()
        .filter(parser -> parser.language().equals(language))
        .findFirst();
  }
}
