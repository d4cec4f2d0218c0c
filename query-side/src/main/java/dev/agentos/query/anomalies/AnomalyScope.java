package dev.agentos.query.anomalies;

import dev.agentos.auth.Caller;
import dev.agentos.query.web.InvalidQueryException;

/**
 * The project whose anomalies a request reads, as {@code GET /v1/memories} chooses it: the one
 * asked for, else the API key's; the tenant is always the key's, and a key bound to a project reads
 * no other (403, {@link Caller#requireReadable}). An anomaly is read in that project only, so
 * another project's is answered exactly as an unknown id.
 */
final class AnomalyScope {

  private AnomalyScope() {}

  static String project(Caller caller, String requested) {
    String project = requested == null || requested.isBlank() ? null : requested.strip();
    if (project == null) {
      project = caller.projectId();
    }
    if (project == null) {
      throw new InvalidQueryException(
          "projectId", "give projectId: this API key belongs to no project");
    }
    return caller.requireReadable(project);
  }
}
