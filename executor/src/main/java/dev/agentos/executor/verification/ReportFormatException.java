package dev.agentos.executor.verification;

/** A test runner's report could not be read: it is not in the format its runner writes. */
public class ReportFormatException extends RuntimeException {

  public ReportFormatException(String message) {
    super(message);
  }

  public ReportFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
