package dev.agentos.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bounds of the fields clients write, shared by every request and raw event that has a field of
 * the kind; documented in {@code docs/api/README.md} ("Field bounds") and {@code
 * docs/api/ingest.md}. Lengths count characters (UTF-16 code units, as JSON strings do). Every
 * value a read model indexes as one term stays far below Elasticsearch's 32,766-byte keyword limit
 * (4,096 characters are at most 12,288 bytes of UTF-8). Whatever the fields add up to, a stored
 * event is still checked for its encoded size ({@code eventstore.EventSizeLimit}).
 */
public final class FieldLimits {

  /** An id that refers to another item (a context, a memory, a parent). */
  public static final int REFERENCE_ID = 255;

  /** Entries of a free-form string map ({@code metadata}, a metric's {@code tags}). */
  public static final int MAP_ENTRIES = 100;

  /** A key of a free-form string map. */
  public static final int MAP_KEY = 128;

  /** Bean Validation's message for a map key over its {@code @Size}: it names the key. */
  public static final String KEY_TOO_LONG = "this key must be at most {max} characters";

  /** A value of a free-form string map. */
  public static final int MAP_VALUE = 4_096;

  /** Labels of a list ({@code tags}, {@code capabilities}) and the length of each. */
  public static final int LABELS = 100;

  public static final int LABEL = 100;

  /** One source text: code to run or propose, one file's content, a memory's content. */
  public static final int SOURCE_TEXT = 200_000;

  /** Standard input given to a run. */
  public static final int STDIN = 100_000;

  /** Files of a working directory, the length of a path, and their contents together. */
  public static final int FILES = 1_000;

  public static final int FILE_PATH = 1_024;
  public static final int FILES_TOTAL = 500_000;

  /** Variables of a run's environment; names follow their own pattern (at most 128). */
  public static final int ENVIRONMENT = 200;

  public static final int ENVIRONMENT_VALUE = 4_096;

  /** A command line. */
  public static final int COMMAND = 4_000;

  /**
   * What the executor reports of a run: each of stdout and stderr kept in the event (the executor
   * cuts them and sets {@code outputTruncated}; both together stay well inside the event size limit
   * however wide their characters), the error message, and the sandbox id and runtime names.
   */
  public static final int OUTPUT_EXCERPT = 100_000;

  public static final int ERROR_MESSAGE = 4_000;
  public static final int SANDBOX_NAME = 255;

  /** Tests a verification reports, and the length of each test's name. */
  public static final int TESTS = 2_000;

  public static final int TEST_NAME = 300;

  /** The latest expiry a memory or an API key may be given, counted from now: 100 years. */
  public static final Duration MAX_EXPIRY_AHEAD = Duration.ofDays(36_525);

  /** The earliest {@code occurredAt} an ingested event may carry. */
  public static final Instant EARLIEST_OCCURRED_AT = Instant.parse("2000-01-01T00:00:00Z");

  /** How far ahead of the server's clock an ingested event's {@code occurredAt} may be. */
  public static final Duration MAX_OCCURRED_AT_AHEAD = Duration.ofDays(1);

  private FieldLimits() {}

  /** Refuses a text longer than {@code max} characters, naming {@code field}. */
  public static void requireLength(String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw new InvalidCommandException(
          field, "must be at most " + max + " characters, was " + text.length());
    }
  }

  /** Refuses a list of more than {@code maxItems} items or an item over {@code maxItem}. */
  public static void requireItems(String field, List<String> items, int maxItems, int maxItem) {
    if (items == null) {
      return;
    }
    if (items.size() > maxItems) {
      throw new InvalidCommandException(
          field, "must hold at most " + maxItems + " items, held " + items.size());
    }
    for (int i = 0; i < items.size(); i++) {
      requireLength(field + "[" + i + "]", items.get(i), maxItem);
    }
  }

  /**
   * Refuses a map of more than {@code maxEntries} entries, or a key or value longer than allowed;
   * the field names the entry, e.g. {@code metadata["notes"]}.
   */
  public static void requireEntries(
      String field, Map<String, String> map, int maxEntries, int maxKey, int maxValue) {
    if (map == null) {
      return;
    }
    if (map.size() > maxEntries) {
      throw new InvalidCommandException(
          field, "must hold at most " + maxEntries + " entries, held " + map.size());
    }
    map.forEach(
        (key, value) -> {
          if (key != null && key.length() > maxKey) {
            throw new InvalidCommandException(
                field, "keys must be at most " + maxKey + " characters, one was " + key.length());
          }
          requireLength(field + "[\"" + key + "\"]", value, maxValue);
        });
  }

  /** Refuses an expiry more than {@link #MAX_EXPIRY_AHEAD} after {@code now}. */
  public static void requireExpiryWithinReach(String field, Instant expiresAt, Instant now) {
    if (expiresAt != null && expiresAt.isAfter(now.plus(MAX_EXPIRY_AHEAD))) {
      throw new InvalidCommandException(
          field, "must be at most 100 years from now (before " + now.plus(MAX_EXPIRY_AHEAD) + ")");
    }
  }
}
