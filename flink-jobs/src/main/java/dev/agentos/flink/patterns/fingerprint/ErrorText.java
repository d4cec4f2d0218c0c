package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A failure output made ready for parsing: cut to its first {@link #MAX_CHARS} characters so a huge
 * output costs no more than a big one, with terminal colour codes and other control characters
 * removed (pytest, cargo and node:test colour their output), split into lines.
 *
 * @param text the cleaned, bounded text
 * @param lines its lines, without line breaks
 */
record ErrorText(String text, List<String> lines) {

  /** 64 K characters: far more than any error's type, message and top frames need. */
  static final int MAX_CHARS = 64 * 1024;

  private static final Pattern ANSI_ESCAPE =
      Pattern.compile("\u001B\\[[0-9;?]{0,32}[ -/]{0,4}[@-~]");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n]");

  static ErrorText of(String output) {
    String bounded = output.length() > MAX_CHARS ? output.substring(0, MAX_CHARS) : output;
    String clean = CONTROL.matcher(ANSI_ESCAPE.matcher(bounded).replaceAll("")).replaceAll("");
    return new ErrorText(clean, List.of(LINE_BREAK.split(clean, -1)));
  }
}
