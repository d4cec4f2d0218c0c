package dev.agentos.deploy.local.cli;

import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackServices;
import dev.agentos.deploy.local.service.FlinkJobsService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/** {@code ./agentos}: starts, checks and stops the local stack. */
@Command(
    name = "agentos",
    mixinStandardHelpOptions = true,
    description = "Runs the AgentOS stack on this machine, every server a child process.",
    subcommands = {
      AgentOsCli.Up.class,
      AgentOsCli.Down.class,
      AgentOsCli.Status.class,
      DemoCommand.class,
      ReplayCommand.class
    })
public final class AgentOsCli {

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:AGENTOS_HOME:-.agentos}",
      description =
          "Folder for the stack's data, logs and endpoint files (default: ${DEFAULT-VALUE}).")
  Path home;

  /** Set by ./agentos to the command side's executable jar; without it only servers run. */
  static final String COMMAND_SIDE_JAR = "agentos.command-side.jar";

  /** Set by ./agentos to the projections' executable jar; without it no read model is built. */
  static final String PROJECTIONS_JAR = "agentos.projections.jar";

  /** Set by ./agentos to the query side's executable jar; it runs only beside the command side. */
  static final String QUERY_SIDE_JAR = "agentos.query-side.jar";

  /**
   * Set by ./agentos to the learning jobs' runner classpath (flink-jobs' classes, then what its
   * build lists in target/learning-jobs*.classpath); without it no learning job runs.
   */
  static final String LEARNING_JOBS_CLASSPATH = "agentos.flink-jobs.classpath";

  /** Set by ./agentos to the executor's executable jar; it runs only beside the command side. */
  static final String EXECUTOR_JAR = "agentos.executor.jar";

  LocalStack stack() {
    return new LocalStack(
        home,
        StackServices.withApplications(
            jar(COMMAND_SIDE_JAR),
            jar(PROJECTIONS_JAR),
            jar(QUERY_SIDE_JAR),
            System.getProperty(LEARNING_JOBS_CLASSPATH),
            jar(EXECUTOR_JAR)),
        System.out::println);
  }

  private static Path jar(String property) {
    String jar = System.getProperty(property);
    return jar == null ? null : Path.of(jar);
  }

  @Command(
      name = "up",
      description = "Starts every server that is not running and waits for health.")
  static final class Up implements Callable<Integer> {
    @ParentCommand AgentOsCli cli;

    @Option(
        names = "--port",
        paramLabel = "SERVICE.PORT=N",
        description = "Port override, e.g. --port kafka.broker=19092 (kept for later runs).")
    Map<String, Integer> ports = new LinkedHashMap<>();

    @Option(names = "--free-ports", description = "Choose free ports instead of the defaults.")
    boolean freePorts;

    @Override
    public Integer call() throws Exception {
      LocalStack stack = cli.stack();
      var endpoints = stack.up(ports, freePorts);
      System.out.println();
      System.out.println(
          "AgentOS stack is up. Endpoints (also in "
              + stack.home()
              + "/"
              + LocalStack.PROPERTIES_FILE
              + "):");
      new TreeMap<>(endpoints).forEach((k, v) -> System.out.println("  " + k + " = " + v));
      String flink = endpoints.getProperty(FlinkJobsService.REST_URL);
      if (flink != null) {
        System.out.println(
            "Learning jobs on Flink's REST API: "
                + flink
                + "/jobs/overview (each job's state), "
                + flink
                + "/jobs/<jid>/checkpoints, "
                + flink
                + "/jobs/<jid>/exceptions");
      }
      AdminKeyNotice.printIfNew(stack.home());
      return 0;
    }
  }

  @Command(name = "down", description = "Stops every server of the stack; the data stays.")
  static final class Down implements Callable<Integer> {
    @ParentCommand AgentOsCli cli;

    @Override
    public Integer call() throws Exception {
      cli.stack().down();
      System.out.println("AgentOS stack is down.");
      return 0;
    }
  }

  @Command(
      name = "status",
      description =
          "Shows each server: healthy, unhealthy or stopped; each learning job: its state and"
              + " its consumer lag.")
  static final class Status implements Callable<Integer> {
    @ParentCommand AgentOsCli cli;

    @Override
    public Integer call() throws Exception {
      LocalStack stack = cli.stack();
      Map<String, String> status = stack.status();
      Map<String, List<String>> details = stack.details();
      status.forEach(
          (name, state) -> {
            System.out.printf("%-14s %s%n", name, state);
            details
                .getOrDefault(name, List.of())
                .forEach(l -> System.out.printf("%16s%s%n", "", l));
          });
      return status.values().stream().allMatch(s -> s.startsWith("healthy")) ? 0 : 3;
    }
  }

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new AgentOsCli());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("agentos: " + e.getMessage());
          return 1;
        });
    System.exit(commandLine.execute(args));
  }
}
