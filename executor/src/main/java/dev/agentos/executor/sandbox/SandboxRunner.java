package dev.agentos.executor.sandbox;

/**
 * Runs one program in isolation with limits. {@link BubblewrapRunner} does it on this machine with
 * kernel namespaces; where unprivileged namespaces are not allowed (many Kubernetes clusters) a
 * runner that starts a pod per run can take its place behind this interface.
 */
public interface SandboxRunner {

  /**
   * Where every runner shows the run's work folder and starts the program, with HOME set to it: a
   * program (or a test runner's report option) may name files there by absolute path.
   */
  String WORK_FOLDER = "/work";

  /**
   * Runs the request and returns once nothing of it is left: no process, no work folder.
   *
   * @param listener hears the output while it comes
   * @throws SandboxException when the sandbox itself could not be set up or started
   */
  SandboxResult run(SandboxRequest request, OutputListener listener);

  default SandboxResult run(SandboxRequest request) {
    return run(request, OutputListener.NONE);
  }

  /** What isolates the runs and what enforces their limits, for agents to read. */
  Isolation isolation();
}
