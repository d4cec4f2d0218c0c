package dev.agentos.flink.patterns.fingerprint;

import java.io.Serializable;
import java.util.List;

/**
 * What one failure output is, reduced to what stays the same when the same error happens again in
 * another run: the error pattern job groups failures by {@link #signature()}.
 *
 * @param language the tool chain the error comes from ({@code python}, {@code java}, {@code
 *     javascript}, {@code go}, {@code rust}, or an unrecognised hint lower-cased), null when
 *     unknown
 * @param errorType the exception or error type as printed, e.g. {@code ModuleNotFoundError}, {@code
 *     java.lang.NullPointerException}, {@code panic: runtime error}, {@code error[E0382]}; null
 *     when the output names none
 * @param message the error message with run-specific values (paths, numbers, ids, quoted values,
 *     timestamps, durations) masked
 * @param topFrames at most three function names, innermost first, without paths, line numbers or
 *     addresses; empty when the output has no stack
 * @param signature one line of at most 1,000 characters: {@code language|errorType|message|frames
 *     joined by " < "}; equal for the same error in different runs
 * @param excerpt the unmasked line the error was read from, at most 200 characters, to show as an
 *     example
 */
public record ErrorFingerprint(
    String language,
    String errorType,
    String message,
    List<String> topFrames,
    String signature,
    String excerpt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public ErrorFingerprint {
    topFrames = List.copyOf(topFrames);
  }
}
