package dev.agentos.executor.sandbox;

/**
 * The same runaway programs stopped by rlimits alone, as on a machine that delegates no cgroups to
 * the executor: every limit must hold there too.
 */
class SandboxLimitsWithRlimitsOnlyIT extends SandboxLimitsIT {

  @Override
  boolean cgroups() {
    return false;
  }
}
