package dev.agentos.client;

import static dev.agentos.client.Endpoint.segment;

import dev.agentos.client.admin.ReplayProgress;

/**
 * The projections' admin API ({@code docs/api/README.md}, "Projections admin API"): rebuilding a
 * read model (its processing group, e.g. {@code memory-cassandra} or {@code patterns-cassandra})
 * from offset zero. Needs an ADMIN key of the operator tenant, since a replay rebuilds every
 * tenant's data.
 */
public final class ReplayApi {

  private final Endpoint endpoint;

  ReplayApi(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Clears the read model, resets its tokens and starts its processor again (202). */
  public ReplayProgress start(String readModel) {
    return endpoint.call("POST", path(readModel), null, ReplayProgress.class);
  }

  public ReplayProgress progress(String readModel) {
    return endpoint.call("GET", path(readModel), null, ReplayProgress.class);
  }

  private static String path(String readModel) {
    return "/admin/replay/" + segment(readModel);
  }
}
