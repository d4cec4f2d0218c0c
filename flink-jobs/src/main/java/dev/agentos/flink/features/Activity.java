package dev.agentos.flink.features;

import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.SourcePosition;

/**
 * What the feature windows and the prediction jobs need to know about one canonical event,
 * flattened so operators key and aggregate on plain fields. Only Flink-known field types (strings,
 * primitives, enums of this package, the {@link SourcePosition} record), so Flink serializes it as
 * a POJO, not with Kryo. Fields a kind does not use are null, 0 or false; {@link Activities} says
 * which kind sets what.
 *
 * @param position the Kafka record the activity was mapped from
 * @param eventTimeMillis when it happened at its source, UTC epoch milliseconds
 * @param tenantId tenant of the event
 * @param projectId project of the event
 * @param agentId agent that caused the event
 * @param sessionId session of the event, null when it belongs to none
 * @param kind which event it was
 * @param outcome how it ended (tool calls, completed runs, verifications, suggestion outcomes)
 * @param durationMs wall-clock duration (tool calls, completed runs), milliseconds
 * @param inputTokens prompt tokens of a turn, 0 when not reported
 * @param outputTokens completion tokens of a turn, 0 when not reported
 * @param toolName the tool called
 * @param commandHash hash of what an action runs, whitespace-normalised (tool name and arguments
 *     for tool calls, language and command or code for runs), so identical repeats compare equal
 * @param testRun whether an action runs tests (see {@link ActivityCommands#runsTests})
 * @param filePath file a proposed suggestion changes, null for a snippet
 * @param suggestionId the suggestion a proposal, outcome or verification is about
 * @param testsPassed tests a verification saw pass
 * @param testsFailed tests a verification saw fail or error
 * @param executionId the run a request or completion is about
 * @param language the language of a requested run or a proposed suggestion
 * @param confidence the agent's own confidence in a proposed suggestion, NaN when it gave none
 * @param codeLines lines of a proposed suggestion's code
 */
public record Activity(
    SourcePosition position,
    long eventTimeMillis,
    String tenantId,
    String projectId,
    String agentId,
    String sessionId,
    ActivityKind kind,
    ActivityOutcome outcome,
    long durationMs,
    int inputTokens,
    int outputTokens,
    String toolName,
    long commandHash,
    boolean testRun,
    String filePath,
    String suggestionId,
    int testsPassed,
    int testsFailed,
    String executionId,
    String language,
    double confidence,
    int codeLines)
    implements FromSource {

  /** Starts an activity of {@code kind} in its scope; the kind's values are set on the builder. */
  public static Builder builder(
      SourcePosition position,
      long eventTimeMillis,
      String tenantId,
      String projectId,
      String agentId,
      String sessionId,
      ActivityKind kind) {
    return new Builder(position, eventTimeMillis, tenantId, projectId, agentId, sessionId, kind);
  }

  /** Sets the values one kind carries, leaving the others null, 0 or false. */
  public static final class Builder {
    private final SourcePosition position;
    private final long eventTimeMillis;
    private final String tenantId;
    private final String projectId;
    private final String agentId;
    private final String sessionId;
    private final ActivityKind kind;
    private ActivityOutcome outcome;
    private long durationMs;
    private int inputTokens;
    private int outputTokens;
    private String toolName;
    private long commandHash;
    private boolean testRun;
    private String filePath;
    private String suggestionId;
    private int testsPassed;
    private int testsFailed;
    private String executionId;
    private String language;
    private double confidence = Double.NaN;
    private int codeLines;

    private Builder(
        SourcePosition position,
        long eventTimeMillis,
        String tenantId,
        String projectId,
        String agentId,
        String sessionId,
        ActivityKind kind) {
      this.position = position;
      this.eventTimeMillis = eventTimeMillis;
      this.tenantId = tenantId;
      this.projectId = projectId;
      this.agentId = agentId;
      this.sessionId = sessionId;
      this.kind = kind;
    }

    public Builder outcome(ActivityOutcome value) {
      outcome = value;
      return this;
    }

    public Builder durationMs(long value) {
      durationMs = value;
      return this;
    }

    public Builder tokens(int input, int output) {
      inputTokens = input;
      outputTokens = output;
      return this;
    }

    public Builder toolName(String value) {
      toolName = value;
      return this;
    }

    public Builder command(long hash, boolean runsTests) {
      commandHash = hash;
      testRun = runsTests;
      return this;
    }

    public Builder filePath(String value) {
      filePath = value;
      return this;
    }

    public Builder suggestionId(String value) {
      suggestionId = value;
      return this;
    }

    public Builder tests(int passed, int failed) {
      testsPassed = passed;
      testsFailed = failed;
      return this;
    }

    public Builder executionId(String value) {
      executionId = value;
      return this;
    }

    public Builder language(String value) {
      language = value;
      return this;
    }

    public Builder proposal(double selfConfidence, int lines) {
      confidence = selfConfidence;
      codeLines = lines;
      return this;
    }

    public Activity build() {
      return new Activity(
          position,
          eventTimeMillis,
          tenantId,
          projectId,
          agentId,
          sessionId,
          kind,
          outcome,
          durationMs,
          inputTokens,
          outputTokens,
          toolName,
          commandHash,
          testRun,
          filePath,
          suggestionId,
          testsPassed,
          testsFailed,
          executionId,
          language,
          confidence,
          codeLines);
    }
  }
}
