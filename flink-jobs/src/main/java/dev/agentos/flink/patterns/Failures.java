package dev.agentos.flink.patterns;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.flink.io.EventMapper;
import dev.agentos.flink.io.SourcePosition;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Finds the failures in the canonical streams: executions that ended badly through the code's own
 * fault, and tool calls that failed or timed out. A sandbox error is the platform's failure, not
 * the code's, and a cancelled tool call is nobody's, so neither makes a pattern.
 */
public final class Failures implements EventMapper<Failure> {

  private static final long serialVersionUID = 1L;

  /** The fingerprint reads no further than this; neither need the job's state. */
  public static final int MAX_TEXT_CHARS = 64 * 1024;

  @Override
  public List<Failure> map(SpecificRecord event, SourcePosition position) {
    if (event instanceof ExecutionCompleted completed && failed(completed)) {
      String text =
          firstNonBlank(
              completed.getStderrExcerpt(),
              completed.getErrorMessage(),
              completed.getStdoutExcerpt());
      return text == null ? List.of() : List.of(failure(completed.getHeader(), text, position));
    }
    if (event instanceof ToolCallRecorded call && failed(call)) {
      String text = firstNonBlank(joined(call.getErrorMessage(), call.getResultExcerpt()));
      return text == null ? List.of() : List.of(failure(call.getHeader(), text, position));
    }
    return List.of();
  }

  private static boolean failed(ExecutionCompleted completed) {
    ExecutionOutcome outcome = completed.getOutcome();
    return outcome != ExecutionOutcome.SUCCEEDED && outcome != ExecutionOutcome.SANDBOX_ERROR;
  }

  private static boolean failed(ToolCallRecorded call) {
    return call.getStatus() == ToolCallStatus.FAILED
        || call.getStatus() == ToolCallStatus.TIMED_OUT;
  }

  private static Failure failure(EventHeader header, String text, SourcePosition position) {
    return new Failure(
        header.getEventId(),
        header.getTenantId(),
        header.getProjectId(),
        header.getAgentId(),
        header.getSessionId(),
        null,
        text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text,
        header.getOccurredAt().toEpochMilli(),
        position);
  }

  private static String joined(String first, String second) {
    if (first == null || first.isBlank()) {
      return second;
    }
    return second == null || second.isBlank() ? first : first + "\n" + second;
  }

  private static String firstNonBlank(String... texts) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }
}
