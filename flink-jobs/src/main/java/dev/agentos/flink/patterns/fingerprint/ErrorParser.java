package dev.agentos.flink.patterns.fingerprint;

import java.util.List;
import java.util.Optional;

/** Reads the error out of one tool chain's failure output. */
interface ErrorParser {

  /** The language this parser's errors are reported under, e.g. {@code python}. */
  String language();

  /** Whether the text carries this tool chain's marks, used when no language hint is given. */
  boolean recognises(String text);

  /** The error in the output's lines, or empty when this tool chain's error format is not there. */
  Optional<ParsedError> parse(List<String> lines);
}
