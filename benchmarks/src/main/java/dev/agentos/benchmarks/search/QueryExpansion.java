package dev.agentos.benchmarks.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A deterministic query expansion, no model involved: identifiers are split into their words
 * ({@code LazyInitializationException} → lazy initialization exception, {@code max.poll.records} →
 * max poll records) and words of a small group of developer synonyms bring the rest of their group.
 * The expansion is appended to the question, so every original word still counts.
 */
public final class QueryExpansion {

  /**
   * General developer vocabulary, not the labelled questions' words: a group is a set of words
   * people use for the same thing in engineering notes.
   */
  static final List<Set<String>> SYNONYMS =
      List.of(
          Set.of("db", "database", "postgres", "postgresql", "sql"),
          Set.of("k8s", "kubernetes", "cluster", "pod", "pods"),
          Set.of("auth", "authentication", "login", "credentials", "token", "tokens"),
          Set.of("slow", "slowly", "latency", "performance", "faster", "speed"),
          Set.of("crash", "crashed", "exception", "error", "failure"),
          Set.of("ci", "pipeline", "workflow", "actions"),
          Set.of("config", "configuration", "settings"),
          Set.of("oom", "memory", "heap"),
          Set.of("deploy", "deployed", "deployment", "release", "shipped", "rollout"),
          Set.of("duplicate", "twice", "again", "idempotent", "deduplicate"),
          Set.of("timeout", "timeouts", "deadline", "hung"),
          Set.of("secret", "secrets", "password", "passwords", "keys"),
          Set.of("bill", "bills", "invoice", "invoices", "billing"),
          Set.of("money", "price", "prices", "amount", "amounts", "monetary"),
          Set.of("app", "application", "mobile", "android"),
          Set.of("notification", "webhook", "webhooks", "callback"),
          Set.of("test", "tests", "spec", "flaky"),
          Set.of("docs", "documentation", "docstring"),
          Set.of("library", "dependency", "dependencies", "package"),
          Set.of("message", "messages", "event", "events"),
          Set.of("startup", "boot", "start", "cold"),
          Set.of("editor", "ide", "vim", "neovim"));

  private QueryExpansion() {}

  public static String expand(String question) {
    Set<String> original = new LinkedHashSet<>();
    Set<String> added = new LinkedHashSet<>();
    for (String token : question.split("[\\s,;:?!()\"']+")) {
      if (token.isEmpty()) {
        continue;
      }
      String lower = token.toLowerCase(Locale.ROOT);
      original.add(lower);
      for (String part : splitIdentifier(token)) {
        added.add(part);
      }
      for (Set<String> group : SYNONYMS) {
        if (group.contains(lower)) {
          added.addAll(group);
        }
      }
    }
    added.removeAll(original);
    return added.isEmpty() ? question : question + " " + String.join(" ", added);
  }

  /** The words of camelCase, snake_case, dotted, slashed or dashed identifiers; none for a word. */
  static List<String> splitIdentifier(String token) {
    String spaced =
        token
            .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("[._/@\\-]+", " ")
            .strip()
            .toLowerCase(Locale.ROOT);
    List<String> parts = List.of(spaced.split(" +"));
    return parts.size() > 1 ? parts.stream().filter(p -> p.length() > 1).toList() : List.of();
  }
}
