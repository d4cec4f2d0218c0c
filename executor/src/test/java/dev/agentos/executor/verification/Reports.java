package dev.agentos.executor.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded reports the tests read: written by the runners themselves on a machine like this one
 * (pytest 7.2, node 20's junit reporter, JUnit 5.9's console launcher, cargo 1.95, the unittest
 * runner the executor ships), except go-test.json, which follows cmd/test2json's documented format
 * (no go tool chain was installed).
 */
final class Reports {

  private Reports() {}

  static byte[] bytes(String name) {
    try (InputStream in = Reports.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded report " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
