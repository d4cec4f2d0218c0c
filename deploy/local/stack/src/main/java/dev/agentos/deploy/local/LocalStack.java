package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.Health;
import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.ServiceContext;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole stack on one machine: every server a child process with its data under one home folder.
 * {@code up} starts what is not running, in dependency order, and waits for health; {@code down}
 * stops everything; both can be repeated, and a second {@code up} reuses the data.
 */
public final class LocalStack {

  public static final String PROPERTIES_FILE = "stack.properties";
  public static final String ENV_FILE = "stack.env";

  private final Path home;
  private final List<LocalService> services;
  private final Consumer<String> progress;

  public LocalStack(Path home, List<LocalService> services, Consumer<String> progress) {
    this.home = home.toAbsolutePath().normalize();
    this.services = List.copyOf(services);
    this.progress = progress;
  }

  public Path home() {
    return home;
  }

  /**
   * Starts every service that is not running and waits until all are healthy; on failure stops what
   * this call started and throws with the failing server's log tail.
   *
   * @param portOverrides ports by {@code service.port}, overriding defaults and earlier choices
   * @param freePorts choose free ephemeral ports instead of the defaults (tests)
   * @return the endpoints, also written to {@code stack.properties} and {@code stack.env}
   */
  public Properties up(Map<String, Integer> portOverrides, boolean freePorts) throws IOException {
    Files.createDirectories(home);
    Map<String, Integer> ports = PortPlan.resolve(home, services, portOverrides, freePorts);
    List<ServiceProcess> processes = processes(ports);
    refuseBusyPorts(processes);
    List<ServiceProcess> servers =
        processes.stream().filter(p -> !p.service().isApplication()).toList();
    List<ServiceProcess> applications =
        processes.stream().filter(p -> p.service().isApplication()).toList();
    new Startup(servers, progress).run();
    Properties endpoints = new Properties();
    processes.forEach(p -> endpoints.putAll(p.service().endpoints(p.context())));
    createTopics(endpoints);
    writeEndpoints(endpoints);
    if (!applications.isEmpty()) {
      Set<String> serverNames =
          servers.stream().map(p -> p.service().name()).collect(Collectors.toSet());
      new Startup(applications, serverNames, progress).run();
    }
    return endpoints;
  }

  /** Stops every service, dependents first. */
  public void down() throws IOException {
    List<ServiceProcess> processes = new ArrayList<>(processes(ports()));
    Collections.reverse(processes);
    for (ServiceProcess process : processes) {
      if (process.stop()) {
        progress.accept("stopped " + process.service().name());
      }
    }
  }

  /** Each service's state: running and healthy, running but not answering, or stopped. */
  public Map<String, String> status() throws IOException {
    Map<String, String> status = new LinkedHashMap<>();
    for (ServiceProcess process : processes(ports())) {
      String state;
      if (process.running().isEmpty()) {
        state = "stopped";
      } else if (process.isHealthy()) {
        state = "healthy   ports " + process.context().ports();
      } else {
        state = "unhealthy (running, not answering; see " + process.context().consoleLog() + ")";
      }
      status.put(process.service().name(), state);
    }
    return status;
  }

  /** What the running services tell beyond their health ({@link LocalService#statusDetails}). */
  public Map<String, List<String>> details() throws IOException {
    Map<String, List<String>> details = new LinkedHashMap<>();
    for (ServiceProcess process : processes(ports())) {
      if (process.running().isPresent()) {
        List<String> lines = process.service().statusDetails(process.context());
        if (!lines.isEmpty()) {
          details.put(process.service().name(), lines);
        }
      }
    }
    return details;
  }

  private Map<String, Integer> ports() throws IOException {
    return PortPlan.known(home, services);
  }

  private List<ServiceProcess> processes(Map<String, Integer> ports) {
    List<ServiceProcess> processes = new ArrayList<>();
    for (LocalService service : services) {
      Map<String, Integer> own = new LinkedHashMap<>();
      service.defaultPorts().keySet().forEach(n -> own.put(n, ports.get(service.name() + "." + n)));
      processes.add(
          new ServiceProcess(
              service,
              new ServiceContext(service.name(), home.resolve(service.name()), own, ports)));
    }
    return processes;
  }

  private static void refuseBusyPorts(List<ServiceProcess> processes) {
    for (ServiceProcess process : processes) {
      if (process.running().isPresent()) {
        continue;
      }
      process
          .context()
          .ports()
          .forEach(
              (name, port) -> {
                if (Health.tcpOpen(port)) {
                  String key = process.service().name() + "." + name;
                  throw new IllegalStateException(
                      "Port "
                          + port
                          + " ("
                          + key
                          + ") is already used by another program: stop it, or choose another"
                          + " port with --port "
                          + key
                          + "=<port>");
                }
              });
    }
  }

  private void createTopics(Properties endpoints) throws IOException {
    String bootstrap = endpoints.getProperty(StackEndpoints.KAFKA_BOOTSTRAP_SERVERS);
    if (bootstrap == null) {
      return;
    }
    try {
      TopicCreator.ensure(bootstrap, Topics.all(), progress);
    } catch (ExecutionException e) {
      throw new IOException("Creating the topics failed: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while creating topics", e);
    }
  }

  private void writeEndpoints(Properties endpoints) throws IOException {
    try (Writer writer = Files.newBufferedWriter(home.resolve(PROPERTIES_FILE))) {
      endpoints.store(writer, "Endpoints of the running AgentOS stack, written by ./agentos up");
    }
    StringBuilder env = new StringBuilder("# Endpoints of the running AgentOS stack\n");
    new TreeMap<>(endpoints)
        .forEach(
            (k, v) ->
                env.append("AGENTOS_")
                    .append(k.toString().toUpperCase().replace('.', '_'))
                    .append('=')
                    .append(v)
                    .append('\n'));
    Files.writeString(home.resolve(ENV_FILE), env);
  }
}
