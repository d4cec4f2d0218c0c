package dev.agentos.flink.patterns.fingerprint;

import java.util.List;

/**
 * What a parser read from an error output, before masking.
 *
 * @param errorType the exception or error type as printed, null when the output names none
 * @param message the raw (unmasked) message, one line
 * @param frames the top function names, innermost first, already cleaned and at most {@link
 *     Frames#MAX}
 * @param excerpt the raw line the error was read from
 */
record ParsedError(String errorType, String message, List<String> frames, String excerpt) {

  ParsedError {
    message = message == null ? "" : message;
    frames = List.copyOf(frames);
  }
}
