package dev.agentos.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./agentos bench <ingest|memory>}: measures a running stack and prints the figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks against the stack ./agentos up runs; each prints its baseline too.",
    subcommands = {BenchMain.Ingest.class, BenchMain.Memory.class})
public final class BenchMain {

  @Option(
      names = "--home",
      defaultValue = "${env:AGENTOS_HOME:-.agentos}",
      scope = CommandLine.ScopeType.INHERIT,
      description = "The stack's folder (default: ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--admin-key",
      defaultValue = "${env:AGENTOS_ADMIN_KEY}",
      scope = CommandLine.ScopeType.INHERIT,
      description = "An admin key (default: $AGENTOS_ADMIN_KEY, else <home>/admin-key).")
  String adminKey;

  BenchTarget target() throws Exception {
    return BenchTarget.connect(home, adminKey);
  }

  @Command(name = "ingest", description = "HTTP batch ingest vs a raw KafkaProducer.")
  static final class Ingest implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--events",
        defaultValue = "200000",
        description = "Events per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
        names = "--batch",
        defaultValue = "1000",
        description = "Events per HTTP request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
        names = "--clients",
        defaultValue = "4",
        description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Override
    public Integer call() throws Exception {
      new IngestBenchmark(bench.target(), events, batch, clients).run();
      return 0;
    }
  }

  @Command(name = "memory", description = "Memory store commands/s vs plain JDBC commits.")
  static final class Memory implements Callable<Integer> {
    @ParentCommand BenchMain bench;

    @Option(
        names = "--seconds",
        defaultValue = "20",
        description = "Seconds per run (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
        names = "--clients",
        defaultValue = "32",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
        names = "--batch",
        defaultValue = "100",
        description = "Memories per batch request (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
      new MemoryStoreBenchmark(bench.target(), seconds, clients, batch).run();
      return 0;
    }
  }

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new BenchMain());
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("bench: " + e.getMessage());
          return 1;
        });
    System.exit(commandLine.execute(args));
  }
}
