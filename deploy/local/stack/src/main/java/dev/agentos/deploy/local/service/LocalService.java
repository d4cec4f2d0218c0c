package dev.agentos.deploy.local.service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One server of the local stack, run as a child process whose data lives under {@link
 * ServiceContext#home()}. Implementations only describe the server; {@code LocalStack} starts,
 * watches and stops it.
 */
public interface LocalService {

  /** Short name: the folder under the stack home and the key prefix in stack.properties. */
  String name();

  /** Named ports the server listens on, with the defaults used by {@code ./agentos up}. */
  Map<String, Integer> defaultPorts();

  /**
   * Writes the server's configuration under {@code ctx.home()} and returns its command line. Must
   * keep existing data, so that a second {@code up} reuses it.
   */
  List<String> command(ServiceContext ctx) throws IOException;

  /** Extra environment for the child process. */
  default Map<String, String> environment(ServiceContext ctx) {
    return Map.of();
  }

  /** True once the server answers requests; polled until it is or the start times out. */
  boolean isHealthy(ServiceContext ctx);

  /** What clients need to reach the server, published in stack.properties. */
  Map<String, String> endpoints(ServiceContext ctx);

  /** How long a cold start may take on a 2-core machine before it counts as failed. */
  default Duration startTimeout() {
    return Duration.ofSeconds(120);
  }

  /**
   * True for AgentOS's own applications (the command side): they start after every server is
   * healthy and the topics exist, because they consume and produce those topics at once.
   */
  default boolean isApplication() {
    return false;
  }

  /**
   * Lines that say more about a running service than its health, printed by {@code ./agentos
   * status} under its name (the learning jobs: each job's state and consumer lag).
   */
  default List<String> statusDetails(ServiceContext ctx) {
    return List.of();
  }

  /** Names of services that must be healthy before this one starts. */
  default Set<String> dependsOn() {
    return Set.of();
  }
}
