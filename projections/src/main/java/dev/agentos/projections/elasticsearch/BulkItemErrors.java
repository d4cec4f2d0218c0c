package dev.agentos.projections.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/**
 * Tells an item Elasticsearch refused for what it is from one it may take later. A 4xx answer for
 * one document (a mapping it does not fit, a term over 32,766 bytes, a value of the wrong type, a
 * vector of the wrong size: {@code document_parsing_exception}, {@code mapper_parsing_exception},
 * {@code illegal_argument_exception}) comes again on every retry, so its record is set aside; 429
 * (too many requests, a circuit breaker) and 5xx (a shard away) pass, so the batch is retried.
 */
public final class BulkItemErrors {

  /** How much of Elasticsearch's explanation a dead letter's reason keeps. */
  public static final int MAX_DESCRIPTION_CHARS = 1_000;

  /** How much of each reason in it: the type and cause of a refusal matter more than its detail. */
  public static final int MAX_REASON_PART_CHARS = 300;

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int REQUEST_TIMEOUT = 408;

  private BulkItemErrors() {}

  /** Whether a refused item would be refused again, whenever it is tried. */
  public static boolean isPermanent(BulkResponseItem item) {
    return isPermanent(item.status());
  }

  /** Whether an answer of {@code status} for a write would come again on every retry. */
  public static boolean isPermanent(int status) {
    return status >= 400
        && status < 500
        && status != TOO_MANY_REQUESTS
        && status != REQUEST_TIMEOUT;
  }

  /**
   * Elasticsearch's error type and reason, with its causes', each reason cut to {@value
   * #MAX_REASON_PART_CHARS} characters (a parse error quotes the field's value, which would hide
   * the cause), the whole to {@value #MAX_DESCRIPTION_CHARS}.
   */
  public static String describe(BulkResponseItem item) {
    ErrorCause error = item.error();
    StringBuilder text = new StringBuilder();
    text.append(item.status()).append(' ').append(part(error));
    for (ErrorCause cause = error.causedBy(); cause != null; cause = cause.causedBy()) {
      text.append(" (caused by ").append(part(cause)).append(')');
    }
    return text.length() <= MAX_DESCRIPTION_CHARS
        ? text.toString()
        : text.substring(0, MAX_DESCRIPTION_CHARS) + "…";
  }

  private static String part(ErrorCause error) {
    String reason = String.valueOf(error.reason());
    return error.type()
        + ": "
        + (reason.length() <= MAX_REASON_PART_CHARS
            ? reason
            : reason.substring(0, MAX_REASON_PART_CHARS) + "…");
  }
}
