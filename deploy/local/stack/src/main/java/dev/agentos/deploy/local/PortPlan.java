package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.LocalService;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The ports of a stack, by {@code service.port} (e.g. {@code kafka.broker}). Chosen once — from the
 * services' defaults, explicit overrides, or free ephemeral ports for tests — and kept in {@code
 * ports.properties}, so a second {@code up} on the same data finds the same endpoints.
 */
final class PortPlan {

  static final String FILE = "ports.properties";

  private PortPlan() {}

  /**
   * The ports chosen earlier, with the defaults for any not chosen yet; writes nothing, so {@code
   * status} and {@code down} leave no trace on a stack that never ran.
   */
  static Map<String, Integer> known(Path home, List<LocalService> services) throws IOException {
    return choose(home, services, Map.of(), false);
  }

  /** Chooses the ports for {@code up} and keeps them for the next run. */
  static Map<String, Integer> resolve(
      Path home, List<LocalService> services, Map<String, Integer> overrides, boolean freePorts)
      throws IOException {
    Map<String, Integer> ports = choose(home, services, overrides, freePorts);
    save(home.resolve(FILE), ports);
    return ports;
  }

  private static Map<String, Integer> choose(
      Path home, List<LocalService> services, Map<String, Integer> overrides, boolean freePorts)
      throws IOException {
    Map<String, Integer> ports = new TreeMap<>(load(home.resolve(FILE)));
    for (LocalService service : services) {
      service
          .defaultPorts()
          .forEach(
              (portName, defaultPort) -> {
                String key = service.name() + "." + portName;
                if (overrides.containsKey(key)) {
                  ports.put(key, overrides.get(key));
                } else if (!ports.containsKey(key)) {
                  ports.put(key, freePorts ? freePort() : defaultPort);
                }
              });
    }
    for (String key : overrides.keySet()) {
      if (!ports.containsKey(key)) {
        throw new IllegalArgumentException(
            "Unknown port " + key + "; known ports: " + String.join(", ", ports.keySet()));
      }
    }
    return ports;
  }

  private static Map<String, Integer> load(Path file) throws IOException {
    Map<String, Integer> ports = new TreeMap<>();
    if (Files.exists(file)) {
      Properties p = new Properties();
      try (Reader reader = Files.newBufferedReader(file)) {
        p.load(reader);
      }
      p.forEach((k, v) -> ports.put((String) k, Integer.parseInt((String) v)));
    }
    return ports;
  }

  private static void save(Path file, Map<String, Integer> ports) throws IOException {
    Properties p = new Properties();
    ports.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
    Files.createDirectories(file.getParent());
    try (Writer writer = Files.newBufferedWriter(file)) {
      p.store(writer, "Ports of this AgentOS stack; delete the file to choose them again");
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }
}
