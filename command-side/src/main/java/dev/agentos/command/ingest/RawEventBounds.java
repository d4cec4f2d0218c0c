package dev.agentos.command.ingest;

import static dev.agentos.command.FieldLimits.COMMAND;
import static dev.agentos.command.FieldLimits.ENVIRONMENT;
import static dev.agentos.command.FieldLimits.ENVIRONMENT_VALUE;
import static dev.agentos.command.FieldLimits.FILES;
import static dev.agentos.command.FieldLimits.FILE_PATH;
import static dev.agentos.command.FieldLimits.MAP_ENTRIES;
import static dev.agentos.command.FieldLimits.MAP_KEY;
import static dev.agentos.command.FieldLimits.MAP_VALUE;
import static dev.agentos.command.FieldLimits.SOURCE_TEXT;
import static dev.agentos.command.FieldLimits.STDIN;

import java.util.Map;

/**
 * The bounds of every field of the raw event types ({@link RawEventTypes}), documented in {@code
 * docs/api/ingest.md}: a string is at most {@value #TEXT} characters unless listed here (long texts
 * such as a turn's content or code up to {@code FieldLimits.SOURCE_TEXT}), an array at most {@value
 * #ITEMS} items, a map at most {@code FieldLimits.MAP_ENTRIES} entries with keys of {@code
 * FieldLimits.MAP_KEY} and values of {@code FieldLimits.MAP_VALUE} characters. The same concepts
 * take the same bounds as the command API's ({@link dev.agentos.command.FieldLimits}).
 */
final class RawEventBounds implements FieldBounds {

  static final RawEventBounds INSTANCE = new RawEventBounds();

  /** Any other string: names, ids, models, languages. */
  static final int TEXT = 4_096;

  /** An explanation or error message. */
  static final int EXPLANATION = 10_000;

  /** Any other array. */
  static final int ITEMS = 1_000;

  /** Test names of a verification: many tests, each named by at most {@value #TEST_NAME}. */
  static final int TEST_NAMES = 10_000;

  static final int TEST_NAME = 1_024;

  /** A metric's tags are its series key: few and short, as InfluxDB tags should be. */
  static final int METRIC_TAGS = 32;

  static final int METRIC_TAG_VALUE = 256;

  private static final Map<String, Integer> LENGTHS =
      Map.ofEntries(
          Map.entry("ConversationTurnRecorded.content", SOURCE_TEXT),
          Map.entry("ConversationTurnRecorded.metadata{}", MAP_VALUE),
          Map.entry("ToolCallRecorded.argumentsJson", SOURCE_TEXT),
          Map.entry("ToolCallRecorded.resultExcerpt", SOURCE_TEXT),
          Map.entry("ToolCallRecorded.errorMessage", EXPLANATION),
          Map.entry("CodeSuggestionProposed.filePath", FILE_PATH),
          Map.entry("CodeSuggestionProposed.code", SOURCE_TEXT),
          Map.entry("CodeSuggestionProposed.rationale", EXPLANATION),
          Map.entry("SuggestionOutcomeRecorded.editedCode", SOURCE_TEXT),
          Map.entry("SuggestionOutcomeRecorded.reason", EXPLANATION),
          Map.entry("ExecutionRequested.code", SOURCE_TEXT),
          Map.entry("ExecutionRequested.files{}", SOURCE_TEXT),
          Map.entry("ExecutionRequested.command", COMMAND),
          Map.entry("ExecutionRequested.environment{}", ENVIRONMENT_VALUE),
          Map.entry("ExecutionRequested.stdin", STDIN),
          Map.entry("ExecutionCompleted.stdoutExcerpt", SOURCE_TEXT),
          Map.entry("ExecutionCompleted.stderrExcerpt", SOURCE_TEXT),
          Map.entry("ExecutionCompleted.errorMessage", EXPLANATION),
          Map.entry("VerificationRequested.testCommand", COMMAND),
          Map.entry("VerificationCompleted.failedTestNames[]", TEST_NAME),
          Map.entry("VerificationCompleted.passedTestNames[]", TEST_NAME),
          Map.entry("MetricRecorded.tags{}", METRIC_TAG_VALUE));

  private static final Map<String, Integer> ITEM_COUNTS =
      Map.of(
          "ConversationTurnRecorded.metadata", MAP_ENTRIES,
          "ExecutionRequested.files", FILES,
          "ExecutionRequested.environment", ENVIRONMENT,
          "VerificationCompleted.failedTestNames", TEST_NAMES,
          "VerificationCompleted.passedTestNames", TEST_NAMES,
          "MetricRecorded.tags", METRIC_TAGS);

  private static final Map<String, Integer> KEY_LENGTHS =
      Map.of("ExecutionRequested.files", FILE_PATH);

  private RawEventBounds() {}

  @Override
  public int maxLength(String field) {
    return LENGTHS.getOrDefault(field, TEXT);
  }

  @Override
  public int maxItems(String field) {
    return ITEM_COUNTS.getOrDefault(field, ITEMS);
  }

  @Override
  public int maxKeyLength(String field) {
    return KEY_LENGTHS.getOrDefault(field, MAP_KEY);
  }
}
