package dev.agentos.readmodels.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a read model starts: after the row with this sort value, and among rows
 * with the same sort value after this id. The tie-breaker is what keeps paging exact when many rows
 * share a sort value (e.g. a timestamp in milliseconds).
 *
 * <p>Clients get it as an opaque token: URL-safe base64 without padding of a version byte, the sort
 * value as 8 big-endian bytes and the id in UTF-8. Fixed-width binary needs no separator, so no id
 * can be mistaken for part of the sort value. A token is at most {@value #MAX_ENCODED_LENGTH}
 * characters; anything {@link #decode} cannot read back exactly is refused with {@link
 * InvalidCursorException}, never guessed at.
 */
public record Cursor(long sortValue, String tieBreakerId) {

  /** Longest token accepted, so a client cannot make the server decode arbitrary amounts. */
  public static final int MAX_ENCODED_LENGTH = 512;

  private static final byte VERSION = 1;
  private static final int HEADER_BYTES = 1 + Long.BYTES;

  /** Bytes of id that still fit in a token of the maximum length (3 bytes per 4 characters). */
  static final int MAX_TIE_BREAKER_BYTES = MAX_ENCODED_LENGTH / 4 * 3 - HEADER_BYTES;

  public Cursor {
    Objects.requireNonNull(tieBreakerId, "tieBreakerId");
    if (tieBreakerId.isEmpty()) {
      throw new IllegalArgumentException("tieBreakerId is empty");
    }
    int bytes = tieBreakerId.getBytes(StandardCharsets.UTF_8).length;
    // Refused here rather than in decode: a cursor we hand out must be one we accept back.
    if (bytes > MAX_TIE_BREAKER_BYTES) {
      throw new IllegalArgumentException(
          "tieBreakerId is " + bytes + " UTF-8 bytes, at most " + MAX_TIE_BREAKER_BYTES);
    }
  }

  /** The opaque token for this cursor. */
  public String encode() {
    byte[] id = tieBreakerId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + id.length);
    buffer.put(VERSION).putLong(sortValue).put(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /**
   * Reads a token made by {@link #encode}.
   *
   * @throws InvalidCursorException naming the problem when the token is not one
   */
  public static Cursor decode(String token) {
    if (token == null || token.isEmpty()) {
      throw new InvalidCursorException("cursor is empty");
    }
    // Checked before decoding so an oversized token costs nothing.
    if (token.length() > MAX_ENCODED_LENGTH) {
      throw new InvalidCursorException(
          "cursor is too long: " + token.length() + " characters, at most " + MAX_ENCODED_LENGTH);
    }
    ByteBuffer bytes = ByteBuffer.wrap(base64(token));
    if (bytes.remaining() <= HEADER_BYTES) {
      throw new InvalidCursorException(
          "cursor has the wrong shape: "
              + bytes.remaining()
              + " bytes, needs more than "
              + HEADER_BYTES);
    }
    byte version = bytes.get();
    if (version != VERSION) {
      throw new InvalidCursorException("cursor has the wrong shape: unknown version " + version);
    }
    Cursor cursor = new Cursor(bytes.getLong(), utf8(bytes));
    // The decoder ignores padding and unused low bits, so several tokens can read the same;
    // accepting only the one we would produce keeps one token per position.
    if (!cursor.encode().equals(token)) {
      throw new InvalidCursorException("cursor is not in canonical form (padding or stray bits)");
    }
    return cursor;
  }

  private static byte[] base64(String token) {
    try {
      return Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("cursor is not URL-safe base64: " + e.getMessage());
    }
  }

  private static String utf8(ByteBuffer bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidCursorException("cursor has the wrong shape: id is not UTF-8");
    }
  }
}
