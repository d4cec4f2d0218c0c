package dev.agentos.command.suggestion;

import dev.agentos.events.interactions.SuggestionFormat;
import java.util.Map;

/**
 * Where a suggestion's code lands in the working directory of its verification: at its own path
 * when it names one, else at a name the language's tools find by convention. A diff is not source:
 * it lands as {@value #PATCH}, for the test command to apply to the files sent with it.
 */
final class SourceFileNames {

  static final String PATCH = "suggestion.patch";

  private static final Map<String, String> BY_LANGUAGE =
      Map.ofEntries(
          Map.entry("python", "main.py"),
          Map.entry("java", "Main.java"),
          Map.entry("kotlin", "Main.kt"),
          Map.entry("javascript", "main.js"),
          Map.entry("typescript", "main.ts"),
          Map.entry("go", "main.go"),
          Map.entry("rust", "main.rs"),
          Map.entry("ruby", "main.rb"),
          Map.entry("c", "main.c"),
          Map.entry("cpp", "main.cpp"),
          Map.entry("csharp", "Main.cs"),
          Map.entry("php", "main.php"),
          Map.entry("shell", "main.sh"),
          Map.entry("bash", "main.sh"));

  private SourceFileNames() {}

  static String of(SuggestionFormat format, String filePath, String language) {
    if (format == SuggestionFormat.UNIFIED_DIFF) {
      return PATCH;
    }
    if (filePath != null) {
      return filePath;
    }
    return BY_LANGUAGE.getOrDefault(language, "main." + language);
  }
}
