package dev.agentos.auth.json;

/**
 * What no text in a request may hold: a NUL character (PostgreSQL cannot store it, and no name or
 * id means it) and an unpaired UTF-16 surrogate (it has no UTF-8 form, so it would be stored as
 * {@code ?} while the answer says it was stored as sent).
 */
final class TextRules {

  private TextRules() {}

  /** Why {@code text} is refused, or null when it is fine. */
  static String violation(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "contains a NUL character (\\u0000)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a pair: one character outside the Basic Multilingual Plane
      } else if (Character.isSurrogate(c)) {
        return "contains half of a UTF-16 surrogate pair (\\u"
            + Integer.toHexString(c)
            + ") without the other half";
      }
    }
    return null;
  }
}
