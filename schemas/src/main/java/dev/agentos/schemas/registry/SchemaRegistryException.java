package dev.agentos.schemas.registry;

/**
 * A call to the schema registry failed. {@link #errorCode()} is Confluent's {@code error_code}
 * (40401 subject not found, 40402 version not found, 40403 schema not found, 409 incompatible,
 * 42201 invalid schema, 50001 store error ...), or {@link #NO_ANSWER} when the registry could not
 * be reached or answered something that is not the registry's JSON.
 */
public class SchemaRegistryException extends RuntimeException {

  public static final int NO_ANSWER = -1;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer, or {@link #NO_ANSWER}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's {@code error_code}, or {@link #NO_ANSWER}. */
  public int errorCode() {
    return errorCode;
  }
}
