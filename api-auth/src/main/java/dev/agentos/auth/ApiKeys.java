package dev.agentos.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API keys and their stored form. A key is {@code aos_} and 32 random bytes; only its SHA-256
 * is stored. A slow password hash (bcrypt, argon2) protects low-entropy secrets chosen by people;
 * 256 random bits cannot be guessed, and a fast hash keeps every request's check cheap.
 */
public final class ApiKeys {

  private static final String PREFIX = "aos_";
  private static final int SHOWN_CHARACTERS = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new secret key, shown to its owner once. */
  public static String generate() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The stored form of a key, hex SHA-256. */
  public static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The start of a key, kept so a person can tell their keys apart without the secret. */
  public static String displayPrefix(String key) {
    return key.substring(0, Math.min(SHOWN_CHARACTERS, key.length()));
  }
}
