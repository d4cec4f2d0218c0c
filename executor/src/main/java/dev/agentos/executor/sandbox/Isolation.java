package dev.agentos.executor.sandbox;

/**
 * What isolates runs on this machine and what enforces their limits, as GET /v1/runtimes will say.
 *
 * @param sandbox the isolation, e.g. "bubblewrap 0.8.0 (user, pid, net, ipc, uts, mount
 *     namespaces)"
 * @param limits what enforces the limits, e.g. "rlimits" or "cgroups v1 (memory, pids) + rlimits"
 * @param user the user the programs run as outside their namespace, e.g. "uid 65534"
 */
public record Isolation(String sandbox, String limits, String user) {

  public String description() {
    return sandbox + "; limits: " + limits + "; runs as " + user;
  }
}
