package dev.agentos.command.execution;

import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.web.MaxTotalLength;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What may go into a sandbox's working directory and environment. Paths stay inside the working
 * directory (relative, no {@code ..}), because the executor writes them to disk as given; languages
 * are short lower-case names, because they select a runtime and name default files.
 */
public final class ExecutionRules {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z0-9][a-z0-9+#._-]{0,31}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private ExecutionRules() {}

  public static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidCommandException(field, "must not be blank");
    }
  }

  /** The language in its canonical form (trimmed, lower case). */
  public static String language(String field, String language) {
    required(field, language);
    String canonical = language.trim().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(canonical).matches()) {
      throw new InvalidCommandException(
          field, "must be a language name like python or java: 1-32 of a-z 0-9 + # . _ -");
    }
    return canonical;
  }

  /**
   * Refuses a request that gives nothing to run, or both one source text and files: the schema
   * keeps {@code code} and {@code files} exclusive so the executor never has to pick one.
   */
  public static void source(
      String code, Map<String, String> files, Map<String, String> environment) {
    boolean hasCode = code != null && !code.isBlank();
    if (hasCode == !files.isEmpty()) {
      throw new InvalidCommandException(
          "code", hasCode ? "give code or files, not both" : "give code or files to run");
    }
    FieldLimits.requireLength("code", code, FieldLimits.SOURCE_TEXT);
    files("files", files);
    environment("environment", environment);
  }

  /** Refuses a path the executor could not safely write inside the working directory. */
  public static void path(String field, String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidCommandException(field, "a file path must not be blank");
    }
    String normalized = path.replace('\\', '/');
    boolean escapes =
        normalized.startsWith("/")
            || normalized.matches("^[A-Za-z]:.*")
            || ("/" + normalized + "/").contains("/../");
    if (escapes) {
      throw new InvalidCommandException(
          field, "\"" + path + "\" must be a relative path inside the working directory");
    }
  }

  /**
   * Refuses a file without content, a path that leaves the working directory, and files over the
   * bounds of {@link FieldLimits}: count, path length, each content and all of them together.
   */
  public static void files(String field, Map<String, String> files) {
    FieldLimits.requireEntries(
        field, files, FieldLimits.FILES, FieldLimits.FILE_PATH, FieldLimits.SOURCE_TEXT);
    long total = MaxTotalLength.Check.totalLength(files);
    if (total > FieldLimits.FILES_TOTAL) {
      throw new InvalidCommandException(
          field,
          "paths and contents together must be at most "
              + FieldLimits.FILES_TOTAL
              + " characters, were "
              + total);
    }
    files.forEach(
        (path, content) -> {
          path(field, path);
          if (content == null) {
            throw new InvalidCommandException(field, "\"" + path + "\" has no content");
          }
        });
  }

  public static void environment(String field, Map<String, String> environment) {
    FieldLimits.requireEntries(
        field,
        environment,
        FieldLimits.ENVIRONMENT,
        FieldLimits.MAP_KEY,
        FieldLimits.ENVIRONMENT_VALUE);
    environment.forEach(
        (name, value) -> {
          if (name == null || !VARIABLE.matcher(name).matches()) {
            throw new InvalidCommandException(
                field, "\"" + name + "\" is not a variable name: [A-Za-z_][A-Za-z0-9_]*");
          }
          if (value == null) {
            throw new InvalidCommandException(field, "\"" + name + "\" has no value");
          }
        });
  }
}
