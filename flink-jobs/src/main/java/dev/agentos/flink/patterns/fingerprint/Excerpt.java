package dev.agentos.flink.patterns.fingerprint;

/** The unmasked error line shown as an example of a pattern. */
final class Excerpt {

  static final int MAX_LENGTH = 200;

  private Excerpt() {}

  static String of(String line) {
    String excerpt = line == null ? "" : line.strip();
    if (excerpt.length() <= MAX_LENGTH) {
      return excerpt;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(excerpt.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return excerpt.substring(0, end) + "…";
  }
}
