package dev.agentos.query.metrics;

import dev.agentos.auth.Caller;
import dev.agentos.query.web.InvalidQueryException;

/**
 * The project whose series a request reads, as {@code GET /v1/memories} chooses it: the one asked
 * for, else the API key's; the tenant is always the key's, and a key bound to a project reads no
 * other (403, {@link Caller#requireReadable}). Every series read has both as conditions, so another
 * project's series are never answered.
 */
public final class SeriesScope {

  private SeriesScope() {}

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

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
