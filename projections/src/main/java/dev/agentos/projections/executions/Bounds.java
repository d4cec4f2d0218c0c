package dev.agentos.projections.executions;

import java.util.List;

/**
 * How much of an event's free text the executions read models keep. The command side and the
 * executor bound what they publish, but a row is written from whatever the topic holds (an older
 * producer, a raw-ingest copy), so each text is cut here again, at a size a page of answers can
 * carry; a cut text is flagged where the API can say so (an excerpt, the code, the test names).
 */
final class Bounds {

  /** Characters of stdout and of stderr kept: enough to read a failure, not a whole log. */
  static final int EXCERPT = 65_536;

  /** Characters of a suggestion's code and of its edited code. */
  static final int CODE = 65_536;

  /** Characters of a message, a rationale, a reason or a test command. */
  static final int MESSAGE = 4_000;

  /** Characters of a name: a language, a runtime, a sandbox id, a framework, a file path. */
  static final int NAME = 1_024;

  /** Environment variable names kept, as many as the command side accepts. */
  static final int ENVIRONMENT_NAMES = 200;

  /** Test names kept of each list (passed, failed); their counts are kept whole. */
  static final int TEST_NAMES = 1_000;

  private Bounds() {}

  /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  static boolean cuts(String text, int max) {
    return text != null && text.length() > max;
  }

  /** The first {@code max} of {@code names}, each cut to {@value #NAME} characters. */
  static List<String> names(List<? extends CharSequence> names, int max) {
    return names.stream().limit(max).map(n -> cut(n.toString(), NAME)).toList();
  }

  static boolean cuts(List<? extends CharSequence> names, int max) {
    return names.size() > max || names.stream().anyMatch(n -> n.length() > NAME);
  }
}
