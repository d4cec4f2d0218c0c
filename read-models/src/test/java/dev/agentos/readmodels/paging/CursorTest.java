package dev.agentos.readmodels.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

  private static final List<Cursor> CURSORS =
      List.of(
          new Cursor(0, "a"),
          new Cursor(-1, "a"),
          new Cursor(Long.MIN_VALUE, "mem-1"),
          new Cursor(Long.MAX_VALUE, "mem-1"),
          new Cursor(1_735_689_600_000L, "id:with|separators=and/slashes"),
          new Cursor(42, "é😀 ünïcode"),
          new Cursor(7, "x".repeat(Cursor.MAX_TIE_BREAKER_BYTES)));

  @Test
  void decodeReadsBackWhatEncodeWrote() {
    for (Cursor cursor : CURSORS) {
      assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }
  }

  @Test
  void tokenIsUrlSafeBase64WithoutPadding() {
    // 0xFB 0xFF encode to '+' and '/' in the standard alphabet: the URL-safe one must not use them.
    Cursor awkward = new Cursor(0xFBFF_FBFF_FBFF_FBFFL, "\u00ff\u00fe?>");

    for (Cursor cursor : List.of(awkward, CURSORS.get(4), CURSORS.get(5))) {
      assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }
    assertThat(awkward.encode()).containsAnyOf("-", "_");
  }

  @Test
  void equalCursorsGiveEqualTokensAndDifferentCursorsDifferentTokens() {
    assertThat(new Cursor(5, "a").encode()).isEqualTo(new Cursor(5, "a").encode());
    assertThat(CURSORS.stream().map(Cursor::encode)).doesNotHaveDuplicates();
    // A text form "sortValue:id" would print both of these as "1:2:3".
    assertThat(new Cursor(1, "2:3").encode()).isNotEqualTo(new Cursor(12, ":3").encode());
    assertThat(Cursor.decode(new Cursor(1, "2:3").encode())).isEqualTo(new Cursor(1, "2:3"));
  }

  @Test
  void longestCursorFitsTheTokenLimitExactly() {
    Cursor longest = new Cursor(Long.MAX_VALUE, "é".repeat(Cursor.MAX_TIE_BREAKER_BYTES / 2) + "x");

    assertThat(longest.encode()).hasSize(Cursor.MAX_ENCODED_LENGTH);
    assertThat(Cursor.decode(longest.encode())).isEqualTo(longest);
    assertThatThrownBy(() -> new Cursor(0, "x".repeat(Cursor.MAX_TIE_BREAKER_BYTES + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tieBreakerId");
  }

  @Test
  void cursorNeedsATieBreaker() {
    assertThatThrownBy(() -> new Cursor(0, null)).hasMessageContaining("tieBreakerId");
    assertThatThrownBy(() -> new Cursor(0, "")).hasMessageContaining("tieBreakerId");
  }

  @Test
  void emptyTokenIsRefused() {
    assertRefused(null, "empty");
    assertRefused("", "empty");
  }

  @Test
  void tooLongTokenIsRefusedBeforeDecoding() {
    assertRefused("A".repeat(Cursor.MAX_ENCODED_LENGTH + 1), "too long: 513 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "AQAAAAAAAAAqYQ+/", "AQAAAAAAAAAqY", "%41%42"})
  void tokenThatIsNotBase64IsRefused(String token) {
    assertRefused(token, "not URL-safe base64");
  }

  @Test
  void tokenOfTheWrongShapeIsRefused() {
    assertRefused(base64(new byte[] {1, 0, 0}), "wrong shape: 3 bytes");
    assertRefused(base64(header(1, 42)), "wrong shape: 9 bytes");
    assertRefused(base64(bytes(header(2, 42), "a".getBytes())), "wrong shape: unknown version 2");
    assertRefused(
        base64(bytes(header(1, 42), new byte[] {(byte) 0xC3, (byte) 0x28})),
        "wrong shape: id is not UTF-8");
  }

  @Test
  void tokenThatOnlyDecodesToACursorIsRefusedUnlessCanonical() {
    String token = new Cursor(42, "a").encode(); // 10 bytes: 14 characters, 4 unused bits

    assertRefused(token + "==", "canonical");
    char last = token.charAt(token.length() - 1);
    assertRefused(token.substring(0, token.length() - 1) + (char) (last + 1), "canonical");
  }

  private static void assertRefused(String token, String problem) {
    assertThatThrownBy(() -> Cursor.decode(token))
        .isInstanceOf(InvalidCursorException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }

  private static byte[] header(int version, long sortValue) {
    return ByteBuffer.allocate(9).put((byte) version).putLong(sortValue).array();
  }

  private static byte[] bytes(byte[] head, byte[] tail) {
    return ByteBuffer.allocate(head.length + tail.length).put(head).put(tail).array();
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
