package dev.agentos.deploy.local.cli;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.ReplayApi;
import dev.agentos.client.admin.ReplayProgress;
import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ProjectionsService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./agentos replay <read-model>}: asks the projections to rebuild a read model from the
 * first offset, then prints its progress every few seconds until it has caught up.
 */
@Command(
    name = "replay",
    description =
        "Rebuilds a read model from Kafka: memory-cassandra, memory-history, memory-search,"
            + " metrics-influx, patterns-cassandra, features-influx, anomalies-cassandra,"
            + " project-health-cassandra, predictions-cassandra, models-cassandra or"
            + " executions-cassandra.")
final class ReplayCommand implements Callable<Integer> {

  private static final Duration EVERY = Duration.ofSeconds(2);

  @ParentCommand AgentOsCli cli;

  @Parameters(paramLabel = "READ-MODEL", description = "The read model's processing group.")
  String readModel;

  @Option(
      names = "--admin-key",
      defaultValue = "${env:AGENTOS_ADMIN_KEY}",
      description = "An admin key (default: $AGENTOS_ADMIN_KEY, else <home>/admin-key).")
  String adminKey;

  @Override
  public Integer call() throws Exception {
    ReplayApi replays =
        AgentOsClient.builder()
            .projectionsUrl(projectionsUrl())
            .apiKey(adminKey())
            // Stopping a busy processor before clearing its read model can take minutes.
            .timeout(Duration.ofMinutes(3))
            .build()
            .replays();
    ReplayProgress progress = refusedSaysWhy(() -> replays.start(readModel));
    System.out.println("replaying " + readModel + " (processor " + progress.processor() + ")");
    while (!progress.isDone()) {
      Thread.sleep(EVERY.toMillis());
      progress = refusedSaysWhy(() -> replays.progress(readModel));
      System.out.printf(
          "%s: %d records read, %.0f records/s, lag %d%n",
          readModel, progress.recordsRead(), progress.recordsPerSecond(), progress.lag());
    }
    System.out.println(
        readModel + " rebuilt: caught up with its topics and its after-replay steps done.");
    return 0;
  }

  private ReplayProgress refusedSaysWhy(Supplier<ReplayProgress> call) {
    try {
      return call.get();
    } catch (AgentOsApiException refused) {
      throw new IllegalStateException(
          "replay of "
              + readModel
              + " refused ("
              + refused.status()
              + "): "
              + refused.detail().orElse(refused.body()),
          refused);
    }
  }

  private String projectionsUrl() throws IOException {
    Path home = cli.home;
    Path endpointsFile = home.resolve(LocalStack.PROPERTIES_FILE);
    if (!Files.isRegularFile(endpointsFile)) {
      throw new IllegalStateException("no stack at " + home + ": run ./agentos up first");
    }
    Properties endpoints = new Properties();
    try (Reader reader = Files.newBufferedReader(endpointsFile)) {
      endpoints.load(reader);
    }
    String url = endpoints.getProperty(ProjectionsService.URL);
    if (url == null) {
      throw new IllegalStateException(
          "the stack at " + home + " runs no projections: build them and run ./agentos up");
    }
    return url;
  }

  private String adminKey() throws IOException {
    if (adminKey != null && !adminKey.isBlank()) {
      return adminKey.strip();
    }
    Path keyFile = CommandSideService.adminKeyFile(cli.home);
    if (!Files.isRegularFile(keyFile)) {
      throw new IllegalStateException(
          "no admin key in " + keyFile + ": pass --admin-key or set AGENTOS_ADMIN_KEY");
    }
    return Files.readString(keyFile).strip();
  }
}
