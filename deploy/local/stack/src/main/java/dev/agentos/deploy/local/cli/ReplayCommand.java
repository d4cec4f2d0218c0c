package dev.agentos.deploy.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ProjectionsService;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
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
        "Rebuilds a read model (memory-cassandra, memory-history, memory-search, metrics-influx)"
            + " from Kafka.")
final class ReplayCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration EVERY = Duration.ofSeconds(2);

  @ParentCommand AgentOsCli cli;

  @Parameters(paramLabel = "READ-MODEL", description = "The read model's processing group.")
  String readModel;

  @Option(
      names = "--admin-key",
      defaultValue = "${env:AGENTOS_ADMIN_KEY}",
      description = "An admin key (default: $AGENTOS_ADMIN_KEY, else <home>/admin-key).")
  String adminKey;

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    String url = projectionsUrl() + "/admin/replay/" + readModel;
    String key = adminKey();
    JsonNode progress =
        send(
            HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()),
            key,
            202);
    System.out.println(
        "replaying " + readModel + " (processor " + progress.path("processor").asText() + ")");
    // Finished: caught up and the read model's after-replay steps done (e.g. memory-cassandra's
    // list indexes built). A projections that does not report it yet: caught up.
    while (!(progress.path("finished").isBoolean()
        ? progress.path("finished").asBoolean()
        : progress.path("caughtUp").asBoolean())) {
      Thread.sleep(EVERY.toMillis());
      progress = send(HttpRequest.newBuilder(URI.create(url)).GET(), key, 200);
      System.out.printf(
          "%s: %d records read, %.0f records/s, lag %d%n",
          readModel,
          progress.path("recordsRead").asLong(),
          progress.path("recordsPerSecond").asDouble(),
          progress.path("lag").asLong());
    }
    System.out.println(
        readModel + " rebuilt: caught up with its topics and its after-replay steps done.");
    return 0;
  }

  private JsonNode send(HttpRequest.Builder request, String key, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", "Bearer " + key).timeout(Duration.ofMinutes(3)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      // The body is problem+json: its detail says what is wrong.
      JsonNode problem = JSON.readTree(response.body().isBlank() ? "{}" : response.body());
      throw new IllegalStateException(
          "replay of "
              + readModel
              + " refused ("
              + response.statusCode()
              + "): "
              + problem.path("detail").asText(response.body()));
    }
    return JSON.readTree(response.body());
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
