package dev.agentos.flink.patterns.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fingerprints the failure output of a coding agent's run (an execution's stderr, a failed tool
 * call's error, a failed test's output) so the same error in different runs groups together and
 * different errors do not.
 *
 * <p>The language comes from the hint when it names a known tool chain and its error format is in
 * the text; otherwise it is detected from the text's marks (Python tracebacks and pytest, Java and
 * Kotlin stack traces and Surefire, Node.js stacks and node:test, Go panics and go test, rustc
 * errors and Rust panics). Output none of them can read is read by its first error-like line, under
 * the hinted or recognised language if there is one.
 *
 * <p>Only the first 64 K (65,536) characters of the text are looked at, and every pattern used runs
 * in linear time, so a huge or hostile output costs a bounded amount of work.
 */
public final class ErrorFingerprinter {

  private static final Pattern HINT = Pattern.compile("[a-z0-9+#._-]{1,32}");

  private ErrorFingerprinter() {}

  /**
   * The fingerprint of a failure output.
   *
   * @param text the failure output; only its first 64 K characters are read
   * @param languageHint the run's language in lower case, e.g. {@code python}; may be null
   * @return empty when the text holds no recognisable error (blank, or only noise)
   */
  public static Optional<ErrorFingerprint> of(String text, String languageHint) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    ErrorText input = ErrorText.of(text);
    Optional<ErrorParser> hinted = LanguageParsers.forHint(languageHint);
    List<ErrorParser> candidates = candidates(hinted, input);
    for (ErrorParser parser : candidates) {
      Optional<ParsedError> parsed = parser.parse(input.lines());
      if (parsed.isPresent()) {
        return Optional.of(fingerprint(parser.language(), parsed.get()));
      }
    }
    // e.g. a Python SyntaxError, printed without "Traceback": still Python, read generically.
    String language =
        candidates.isEmpty() ? unknownHint(languageHint) : candidates.get(0).language();
    return GenericParser.parse(input.lines()).map(parsed -> fingerprint(language, parsed));
  }

  /** The hinted parser first, then every parser whose marks are in the text. */
  private static List<ErrorParser> candidates(Optional<ErrorParser> hinted, ErrorText input) {
    List<ErrorParser> candidates = new ArrayList<>();
    hinted.ifPresent(candidates::add);
    for (ErrorParser parser : LanguageParsers.DETECTION_ORDER) {
      if (!candidates.contains(parser) && parser.recognises(input.text())) {
        candidates.add(parser);
      }
    }
    return candidates;
  }

  /** A hint no parser knows (e.g. {@code bash}) still names the language, if it looks like one. */
  private static String unknownHint(String languageHint) {
    if (languageHint == null) {
      return null;
    }
    String hint = languageHint.strip().toLowerCase(Locale.ROOT);
    return HINT.matcher(hint).matches() ? hint : null;
  }

  private static ErrorFingerprint fingerprint(String language, ParsedError parsed) {
    String message = Masker.mask(parsed.message());
    String signature = Signature.of(language, parsed.errorType(), message, parsed.frames());
    return new ErrorFingerprint(
        language,
        parsed.errorType(),
        message,
        parsed.frames(),
        signature,
        Excerpt.of(parsed.excerpt()));
  }
}
