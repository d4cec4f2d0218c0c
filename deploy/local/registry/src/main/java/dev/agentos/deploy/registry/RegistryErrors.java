package dev.agentos.deploy.registry;

import java.util.List;

/**
 * Confluent Schema Registry's error catalogue: the same HTTP statuses, {@code error_code}s and
 * messages, so that clients written against Confluent react the same way.
 */
public final class RegistryErrors {

  private RegistryErrors() {}

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(int version) {
    return new RegistryException(404, 40402, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound(int id) {
    return new RegistryException(404, 40403, "Schema " + id + " not found");
  }

  /** Lookup of a schema text that is not registered under the subject. */
  public static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  public static RegistryException subjectLevelConfigNotFound(String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException incompatible(
      String subject, String level, List<String> violations) {
    return new RegistryException(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: "
            + violations
            + " (compatibility "
            + level
            + ")");
  }

  public static RegistryException invalidSchema(String why) {
    return new RegistryException(422, 42201, "Invalid schema: " + why);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  public static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  public static RegistryException storeError(String what, Throwable cause) {
    return new RegistryException(
        500, 50001, "Error in the backend data store while " + what + ": " + cause, cause);
  }

  public static RegistryException badRequest(String why) {
    return new RegistryException(400, 400, why);
  }

  public static RegistryException unsupportedMediaType() {
    return new RegistryException(415, 415, "HTTP 415 Unsupported Media Type");
  }

  public static RegistryException notFound() {
    return new RegistryException(404, 404, "HTTP 404 Not Found");
  }

  public static RegistryException methodNotAllowed() {
    return new RegistryException(405, 405, "HTTP 405 Method Not Allowed");
  }

  public static RegistryException notImplemented(String what) {
    return new RegistryException(501, 501, what);
  }
}
