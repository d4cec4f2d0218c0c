package dev.agentos.schemas.deadletters;

import dev.agentos.events.deadletters.RecordDeadLettered;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dead letter copies of the record it sets aside (key, value, Kafka headers, reason), cut to
 * bounds that keep any dead letter far below Kafka's 1 MB record limit: a record close to the limit
 * would otherwise make a dead letter over it, which cannot be sent, and the stage writing it would
 * stop on that record for good. What was cut is said at the end of the reason, with the original
 * sizes, so the record can still be found by its source position and read there whole.
 *
 * <p>At most: {@value #MAX_VALUE_BYTES} value bytes, {@value #MAX_KEY_BYTES} key bytes, {@value
 * #MAX_HEADERS} headers of {@value #MAX_HEADER_NAME_CHARS} name characters and {@value
 * #MAX_HEADER_VALUE_BYTES} value bytes each, and {@value #MAX_REASON_CHARS} reason characters:
 * about 230 KB in the worst case.
 */
public final class DeadLetterCopy {

  public static final int MAX_VALUE_BYTES = 64 * 1024;
  public static final int MAX_KEY_BYTES = 4 * 1024;
  public static final int MAX_HEADERS = 64;
  public static final int MAX_HEADER_NAME_CHARS = 256;
  public static final int MAX_HEADER_VALUE_BYTES = 1024;
  public static final int MAX_REASON_CHARS = 4096;

  /** How many cut header values the note names. */
  private static final int LISTED = 8;

  /** Starts the note of what was cut, at the end of the reason. */
  public static final String TRUNCATED = " [dead letter truncated: ";

  private DeadLetterCopy() {}

  /**
   * Sets {@code key}, {@code value}, {@code kafkaHeaders} and {@code reason} on {@code letter},
   * each within its bound.
   *
   * @param headers the record's headers, last value per name, in their order
   */
  public static RecordDeadLettered.Builder copy(
      RecordDeadLettered.Builder letter,
      String reason,
      String key,
      byte[] value,
      Map<String, byte[]> headers) {
    List<String> cuts = new ArrayList<>();
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    letter.setKey(keyBytes == null ? null : cut(keyBytes, MAX_KEY_BYTES, "key", cuts));
    letter.setValue(value == null ? null : cut(value, MAX_VALUE_BYTES, "value", cuts));
    letter.setKafkaHeaders(headers(headers, cuts));
    return letter.setReason(reason(reason, cuts));
  }

  /** {@code reason} cut to {@value #MAX_REASON_CHARS} characters: for reasons with no record. */
  public static String reason(String reason) {
    return reason(reason, List.of());
  }

  /** The headers within bounds; the cut values are listed by name, the first few of them. */
  private static Map<String, ByteBuffer> headers(Map<String, byte[]> headers, List<String> cuts) {
    Map<String, ByteBuffer> kept = new LinkedHashMap<>();
    List<String> cutValues = new ArrayList<>();
    int cutNames = 0;
    for (Map.Entry<String, byte[]> header : headers.entrySet()) {
      if (kept.size() == MAX_HEADERS) {
        break;
      }
      String name = header.getKey();
      if (name.length() > MAX_HEADER_NAME_CHARS) {
        cutNames++;
        name = name.substring(0, MAX_HEADER_NAME_CHARS);
      }
      byte[] bytes = header.getValue();
      if (bytes.length > MAX_HEADER_VALUE_BYTES) {
        cutValues.add(name + " " + bytes.length);
      }
      kept.putIfAbsent(
          name,
          ByteBuffer.wrap(Arrays.copyOf(bytes, Math.min(bytes.length, MAX_HEADER_VALUE_BYTES))));
    }
    if (!cutValues.isEmpty()) {
      String listed = String.join(", ", cutValues.subList(0, Math.min(LISTED, cutValues.size())));
      String more =
          cutValues.size() > LISTED ? " and " + (cutValues.size() - LISTED) + " more" : "";
      cuts.add("header values to " + MAX_HEADER_VALUE_BYTES + " bytes: " + listed + more);
    }
    if (cutNames > 0) {
      cuts.add(cutNames + " header name(s) to " + MAX_HEADER_NAME_CHARS + " chars");
    }
    if (headers.size() > MAX_HEADERS) {
      cuts.add((headers.size() - MAX_HEADERS) + " of " + headers.size() + " headers left out");
    }
    return kept;
  }

  private static ByteBuffer cut(byte[] bytes, int max, String what, List<String> cuts) {
    if (bytes.length <= max) {
      return ByteBuffer.wrap(bytes);
    }
    cuts.add(what + " " + bytes.length + " bytes to " + max);
    return ByteBuffer.wrap(Arrays.copyOf(bytes, max));
  }

  /** The reason, then what was cut; the reason gives way so that the note stays whole. */
  private static String reason(String reason, List<String> cuts) {
    String given = reason == null ? "no reason given" : reason;
    String note = cuts.isEmpty() ? "" : TRUNCATED + String.join(", ", cuts) + "]";
    if (note.length() > MAX_REASON_CHARS / 2) {
      note = note.substring(0, MAX_REASON_CHARS / 2 - 2) + "…]";
    }
    int room = MAX_REASON_CHARS - note.length();
    if (given.length() > room) {
      String cutNote = " (reason " + given.length() + " chars, cut)";
      given = given.substring(0, room - cutNote.length() - 1) + "…" + cutNote;
    }
    return given + note;
  }
}
