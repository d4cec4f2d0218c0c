package dev.agentos.projections.source;

/**
 * A handler's refusal of a record it can never process as it is (a header missing, a field out of
 * range): trying it again can only give the same answer, so {@link RetryThenDeadLetter} sets it
 * aside at once instead of pausing the processor for its retries (in a replay, a second or so per
 * such record).
 */
public class UnprocessableRecordException extends IllegalArgumentException {

  public UnprocessableRecordException(String message) {
    super(message);
  }

  public UnprocessableRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
