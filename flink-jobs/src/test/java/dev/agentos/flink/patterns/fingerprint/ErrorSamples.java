package dev.agentos.flink.patterns.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded failure outputs under {@code src/test/resources/errors}. */
final class ErrorSamples {

  private ErrorSamples() {}

  /** The text of {@code errors/<path>}, e.g. {@code python/module-not-found-run1.txt}. */
  static String read(String path) {
    try (InputStream in = ErrorSamples.class.getResourceAsStream("/errors/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample errors/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fingerprint of a sample, read with no language hint; fails when there is none. */
  static ErrorFingerprint fingerprint(String path) {
    return ErrorFingerprinter.of(read(path), null)
        .orElseThrow(() -> new AssertionError("no fingerprint for errors/" + path));
  }
}
