package dev.agentos.query.web;

import dev.agentos.auth.Caller;

/**
 * The project a read of the learning read models (patterns, anomalies, features, metrics,
 * predictions) is answered from, as {@code GET /v1/memories} chooses it: the one asked for, else
 * the API key's; the tenant is always the key's, and a key bound to a project reads no other (403,
 * {@link Caller#requireReadable}). Every read names both in its partition or conditions, so another
 * tenant's or project's item is answered exactly as an unknown one.
 */
public final class ProjectScope {

  private ProjectScope() {}

  /**
   * The project of a request asking for {@code requested} (null or blank: none).
   *
   * @throws InvalidQueryException naming {@code projectId} when neither the request nor the key
   *     names a project
   */
  public static String project(Caller caller, String requested) {
    String project = blankToNull(requested);
    if (project == null) {
      project = caller.projectId();
    }
    if (project == null) {
      throw new InvalidQueryException(
          "projectId", "give projectId: this API key belongs to no project");
    }
    return caller.requireReadable(project);
  }

  /** A query parameter's value stripped, null when absent or blank: blank means "not given". */
  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
