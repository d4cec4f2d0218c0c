package dev.agentos.command.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one place a memory's content hash is made: {@code sha256:} and the hex SHA-256 of the content
 * with its ends trimmed and every run of whitespace made one space, so that texts differing only in
 * layout count as duplicates when contexts merge. Case and punctuation still count.
 */
public final class ContentHash {

  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private ContentHash() {}

  public static String of(String content) {
    String normalised = WHITESPACE.matcher(content.strip()).replaceAll(" ");
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
