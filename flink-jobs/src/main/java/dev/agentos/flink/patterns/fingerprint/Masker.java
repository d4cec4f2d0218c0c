package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the parts of an error message that change from run to run with placeholders, so the same
 * error in two runs reads the same: URLs ({@code <url>}), quoted values ({@code <str>}), timestamps
 * ({@code <ts>}), UUIDs ({@code <uuid>}), Windows and Unix paths and temp dir names ({@code
 * <path>}, {@code <tmp>}), hex addresses and hashes ({@code <hex>}), durations ({@code <dur>}) and
 * every other number ({@code <n>}: line and column numbers, ports, counts, values).
 *
 * <p>Every pattern runs in time linear in the text: a repetition that could be followed by a
 * failing part is bounded or possessive, and a pattern that starts with a repetition may only start
 * at a token boundary, so no position is rescanned more than a bounded number of times. Only the
 * first {@link #MAX_INPUT} characters of a message are looked at.
 */
final class Masker {

  /** Characters of a message looked at; a message is one line, rarely longer than this. */
  static final int MAX_INPUT = 4_000;

  /** Length of a masked message: the signature keeps room for type and frames. */
  static final int MAX_LENGTH = 500;

  private static final String PATH_CHARS = "[\\w.@%+=~/-]";

  private static final List<Rule> RULES =
      List.of(
          Rule.of("\\b[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s'\"`<>]*+", "<url>"),
          Rule.of("(?<!\\w)'[^'\\n]*+'", "<str>"),
          Rule.of("\"[^\"\\n]*+\"", "<str>"),
          Rule.of("`[^`\\n]*+`", "<str>"),
          Rule.of(
              "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
                  + "(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b",
              "<ts>"),
          Rule.of(
              "\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\\d{1,2}\\b", "<ts>"),
          Rule.of("\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?\\b", "<ts>"),
          Rule.of(
              "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b",
              "<uuid>"),
          Rule.of(
              "(?<![\\w\\\\])(?:[A-Za-z]:|\\\\\\\\[\\w.$-]{1,255})\\\\[^\\s'\"`<>|:*?]*+",
              "<path>"),
          Rule.of("(?<![\\w.~/-])(?:~|\\.{1,2})?/[\\w.@%+=~-]" + PATH_CHARS + "*+", "<path>"),
          Rule.of("(?<![\\w.~/@-])[\\w.-]{1,255}/" + PATH_CHARS + "*+", Masker::relativePath),
          Rule.of("\\btmp[\\w-]{3,40}+", "<tmp>"),
          Rule.of("\\b0[xX][0-9a-fA-F]++", "<hex>"),
          Rule.of("\\b[0-9a-fA-F]{7,}+\\b", Masker::hexId),
          Rule.of(
              "(?<![\\w.])(?:\\d++(?:\\.\\d++)?(?:ns|µs|us|ms|h|m|s)){1,6}+\\b"
                  + "|(?<![\\w.])\\d++(?:\\.\\d++)? (?:ns|ms|s|secs?|seconds?|mins?|minutes?|hours?)\\b",
              "<dur>"),
          Rule.of("(?<![\\w.])\\d++(?:[.,]\\d++){0,8}+(?!\\w)", "<n>"),
          Rule.of("\\s++", " "));

  private Masker() {}

  /**
   * The message with run-specific values masked, whitespace collapsed, at most {@link #MAX_LENGTH}.
   */
  static String mask(String message) {
    return mask(message, MAX_INPUT);
  }

  /**
   * As {@link #mask(String)}, looking at {@code maxInput} characters: the rules are linear on their
   * own, and tests show it on inputs far longer than {@link #MAX_INPUT}.
   */
  static String mask(String message, int maxInput) {
    String masked = message.length() > maxInput ? message.substring(0, maxInput) : message;
    for (Rule rule : RULES) {
      masked = rule.apply(masked);
    }
    masked = masked.strip();
    return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) : masked;
  }

  /**
   * A relative path is masked when it names a file (has an extension) or is at least two folders
   * deep; {@code application/json} or {@code and/or} stay words.
   */
  private static String relativePath(MatchResult match) {
    String text = match.group();
    int lastSlash = text.lastIndexOf('/');
    boolean hasExtension = text.indexOf('.', lastSlash) > lastSlash + 1;
    boolean deep = text.indexOf('/') != lastSlash;
    return hasExtension || deep ? "<path>" : text;
  }

  /** A hex run is an id or hash when it mixes digits and letters; all letters is a word. */
  private static String hexId(MatchResult match) {
    String text = match.group();
    boolean digit = text.chars().anyMatch(Character::isDigit);
    boolean letter = text.chars().anyMatch(Character::isLetter);
    return digit && letter ? "<hex>" : text;
  }

  private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {

    static Rule of(String regex, String placeholder) {
      String quoted = Matcher.quoteReplacement(placeholder);
      return new Rule(Pattern.compile(regex), match -> quoted);
    }

    static Rule of(String regex, Function<MatchResult, String> replacement) {
      return new Rule(
          Pattern.compile(regex), match -> Matcher.quoteReplacement(replacement.apply(match)));
    }

    String apply(String text) {
      return pattern.matcher(text).replaceAll(replacement);
    }
  }
}
