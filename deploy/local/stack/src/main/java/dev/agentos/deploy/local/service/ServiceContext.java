package dev.agentos.deploy.local.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one service lives and which ports it got.
 *
 * @param name the service's name
 * @param home the service's folder under the stack home; its data, configuration and logs
 * @param ports the ports assigned to this run, by the names the service declared
 * @param allPorts every service's ports, by {@code service.port}, for services that talk to another
 *     (the registry to Kafka)
 */
public record ServiceContext(
    String name, Path home, Map<String, Integer> ports, Map<String, Integer> allPorts) {

  public int port(String portName) {
    Integer port = ports.get(portName);
    if (port == null) {
      throw new IllegalArgumentException(name + " has no port named " + portName);
    }
    return port;
  }

  public int portOf(String service, String portName) {
    Integer port = allPorts.get(service + "." + portName);
    if (port == null) {
      throw new IllegalArgumentException("no port " + portName + " for service " + service);
    }
    return port;
  }

  public Path dataDir() {
    return home.resolve("data");
  }

  public Path logDir() {
    return home.resolve("logs");
  }

  /** Where the child's stdout and stderr go. */
  public Path consoleLog() {
    return logDir().resolve("console.log");
  }

  /**
   * The command line of a child JVM running {@code mainClass} on the classpath recorded by the
   * server module named {@code runtime} (see {@link RuntimeClasspath}).
   */
  public List<String> javaCommand(
      String runtime, List<String> jvmArgs, String mainClass, List<String> args) {
    return javaCommand(Path.of(System.getProperty("java.home")), runtime, jvmArgs, mainClass, args);
  }

  /** As {@link #javaCommand(String, List, String, List)}, run by the JDK in {@code javaHome}. */
  public List<String> javaCommand(
      Path javaHome, String runtime, List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin").resolve("java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(RuntimeClasspath.of(runtime));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
