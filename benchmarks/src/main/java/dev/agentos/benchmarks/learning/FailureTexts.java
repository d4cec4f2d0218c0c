package dev.agentos.benchmarks.learning;

import java.util.List;
import java.util.Random;

/**
 * What a failing run prints, per language, in the real formats of each tool chain, with the parts
 * that differ between occurrences of one error (paths, line numbers, values) drawn at random: the
 * error-patterns job must strip them to find the few underlying patterns, which is the work being
 * measured.
 */
final class FailureTexts {

  private static final List<String> MODULES =
      List.of("orders", "billing", "report", "cart", "auth");

  private static final List<String> PYTHON =
      List.of(
          """
          Traceback (most recent call last):
            File "/workspace/app/%1$s.py", line %2$d, in <module>
              import requests
          ModuleNotFoundError: No module named 'requests'
          """,
          """
          Traceback (most recent call last):
            File "/workspace/tests/test_%1$s.py", line %2$d, in test_%1$s_totals
              assert total == %3$d
          AssertionError: assert %4$d == %3$d
          """,
          """
          Traceback (most recent call last):
            File "/workspace/app/%1$s.py", line %2$d, in load
              return rows["id_%3$d"]
          KeyError: 'id_%3$d'
          """);

  private static final List<String> JAVASCRIPT =
      List.of(
          """
          /workspace/src/%1$s.js:%2$d
          TypeError: Cannot read properties of undefined (reading 'id')
              at productIds (/workspace/src/%1$s.js:%2$d:23)
              at Object.<anonymous> (/workspace/src/index.js:%3$d:13)
          """,
          """
          not ok 1 - %1$s totals
            ---
            error: 'Expected values to be strictly equal:\\n\\n%3$d !== %4$d\\n'
            code: 'ERR_ASSERTION'
            location: '/workspace/test/%1$s.test.js:%2$d:5'
            ...
          """);

  private static final List<String> GO =
      List.of(
          """
          --- FAIL: Test%1$sTotals (0.%2$02ds)
              %1$s_test.go:%2$d: got %3$d, want %4$d
          FAIL
          exit status 1
          """,
          """
          panic: runtime error: index out of range [%3$d] with length %4$d

          goroutine 1 [running]:
          main.%1$s(...)
          	/workspace/%1$s.go:%2$d +0x1d
          """);

  private static final List<String> JAVA =
      List.of(
          """
          Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "%1$s" is null
          	at app.%1$s.Main.total(Main.java:%2$d)
          	at app.%1$s.Main.main(Main.java:%3$d)
          """);

  private FailureTexts() {}

  /** One failure of code in {@code language}, drawn from {@code random}. */
  static String of(String language, Random random) {
    List<String> templates =
        switch (language) {
          case "python" -> PYTHON;
          case "javascript" -> JAVASCRIPT;
          case "go" -> GO;
          case "java" -> JAVA;
          default -> throw new IllegalArgumentException("no failure texts for " + language);
        };
    String template = templates.get(random.nextInt(templates.size()));
    return template.formatted(
        MODULES.get(random.nextInt(MODULES.size())),
        1 + random.nextInt(99),
        random.nextInt(1000),
        random.nextInt(1000));
  }
}
