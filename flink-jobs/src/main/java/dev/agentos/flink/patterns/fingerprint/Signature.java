package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the one-line key errors are grouped by: {@code language|errorType|message|frames}, frames
 * joined by {@code " < "} (innermost first, each called from the next). A missing part is empty.
 */
final class Signature {

  /** Longest signature: it is a grouping key stored with every pattern. */
  static final int MAX_LENGTH = 1_000;

  private static final int MAX_LANGUAGE = 32;
  private static final int MAX_TYPE = 200;

  private Signature() {}

  static String of(String language, String errorType, String message, List<String> frames) {
    String stack = frames.stream().map(Signature::part).collect(Collectors.joining(" < "));
    String signature =
        String.join(
            "|",
            cut(part(language), MAX_LANGUAGE),
            cut(part(errorType), MAX_TYPE),
            cut(part(message), Masker.MAX_LENGTH),
            stack);
    return cut(signature, MAX_LENGTH);
  }

  /** One part, on one line and without the separator, so parts cannot run into each other. */
  private static String part(String value) {
    return value == null ? "" : value.replace('|', '¦').replaceAll("\\s++", " ").strip();
  }

  private static String cut(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
