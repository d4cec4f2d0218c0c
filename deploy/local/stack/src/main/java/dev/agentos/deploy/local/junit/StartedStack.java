package dev.agentos.deploy.local.junit;

import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.StackServices;
import dev.agentos.deploy.local.service.LocalService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** A stack started (or found) for one test JVM, and how to let go of it. */
final class StartedStack implements AutoCloseable {

  private final StackEndpoints endpoints;
  private final AutoCloseable stop;

  private StartedStack(StackEndpoints endpoints, AutoCloseable stop) {
    this.endpoints = endpoints;
    this.stop = stop;
  }

  StackEndpoints endpoints() {
    return endpoints;
  }

  static StartedStack start() {
    String mode = System.getenv().getOrDefault("AGENTOS_STACK", "local");
    try {
      return switch (mode) {
        case "local" -> local();
        case "external" -> external();
        case "testcontainers" -> testcontainers();
        default ->
            throw new IllegalArgumentException(
                "AGENTOS_STACK=" + mode + " is not one of local, external, testcontainers");
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StartedStack local() throws IOException {
    Path base = Path.of(System.getProperty("agentos.it.dir", "target/agentos-it"));
    Files.createDirectories(base);
    LocalStack stack =
        new LocalStack(
            Files.createTempDirectory(base, "stack-"),
            services(),
            line -> System.out.println("[agentos-stack] " + line));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(stack::down)));
    try {
      StackEndpoints endpoints = StackEndpoints.from(stack.up(Map.of(), true));
      return new StartedStack(endpoints, stack::down);
    } catch (IOException | RuntimeException e) {
      quietly(stack::down);
      throw e;
    }
  }

  /**
   * The servers, and the applications whose executable jars the test JVM names in {@code
   * agentos.it.command-side.jar}, {@code agentos.it.projections.jar}, {@code
   * agentos.it.query-side.jar} and {@code agentos.it.executor.jar}, with the learning jobs when it
   * names flink-jobs' build folder in {@code agentos.it.flink-jobs.target} (system-tests' pom sets
   * them): most tests start the application they test in-process, tests of the whole system run
   * them as {@code ./agentos up} does.
   */
  private static List<LocalService> services() {
    Path commandSide = jar("agentos.it.command-side.jar");
    Path projections = jar("agentos.it.projections.jar");
    Path querySide = jar("agentos.it.query-side.jar");
    String learningJobs = LearningJobsUnderTest.classpath();
    Path executor = jar("agentos.it.executor.jar");
    if (commandSide == null
        && projections == null
        && querySide == null
        && learningJobs == null
        && executor == null) {
      return StackServices.all();
    }
    return StackServices.withApplications(
        commandSide, projections, querySide, learningJobs, executor);
  }

  private static Path jar(String property) {
    String jar = System.getProperty(property);
    return jar == null || jar.isBlank() ? null : Path.of(jar);
  }

  private static StartedStack external() throws IOException {
    Path file =
        Path.of(System.getenv().getOrDefault("AGENTOS_STACK_FILE", ".agentos/stack.properties"));
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "AGENTOS_STACK=external but "
              + file.toAbsolutePath()
              + " does not exist: run ./agentos up");
    }
    return new StartedStack(StackEndpoints.read(file), () -> {});
  }

  private static StartedStack testcontainers() {
    Assumptions.assumeTrue(
        TestcontainersStack.dockerAvailable(),
        "AGENTOS_STACK=testcontainers but no Docker engine answers here: integration tests skipped."
            + " Unset AGENTOS_STACK to run them on the local child-process stack.");
    TestcontainersStack stack = TestcontainersStack.start();
    return new StartedStack(stack.endpoints(), stack::close);
  }

  @Override
  public void close() throws Exception {
    stop.close();
  }

  private static void quietly(IoAction action) {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      System.err.println("[agentos-stack] stopping failed: " + e);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
