package dev.agentos.executor.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * The start of what a program wrote on one stream: at most the output limit is kept, so a flood
 * costs the executor no more memory than a well-behaved program.
 *
 * @param bytes what was kept
 * @param truncated whether the program wrote more than was kept
 */
public record OutputExcerpt(byte[] bytes, boolean truncated) {

  public OutputExcerpt {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The kept bytes as UTF-8; a character cut at the end shows as U+FFFD. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public int size() {
    return bytes.length;
  }
}
