package dev.agentos.benchmarks;

import dev.agentos.client.AgentOsClient;
import dev.agentos.client.command.ApiKeyScope;
import dev.agentos.client.command.IssueApiKey;
import dev.agentos.client.command.RegisterAgent;
import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.ProjectionsService;
import dev.agentos.deploy.local.service.QuerySideService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * The running stack a benchmark measures, read from {@code ./agentos up}'s files, and clients of
 * its HTTP APIs: as an agent made for the run with the admin key (so a benchmark never needs set-up
 * by hand), and as the admin (replays).
 */
record BenchTarget(StackEndpoints stack, AgentOsClient agent, AgentOsClient admin) {

  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  static BenchTarget connect(Path home, String adminKey) throws IOException {
    Path file = home.resolve(LocalStack.PROPERTIES_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no stack at " + home + ": run ./agentos up first");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    String url = properties.getProperty(CommandSideService.URL);
    if (url == null) {
      throw new IllegalStateException("the stack at " + home + " runs no command side");
    }
    if (adminKey == null || adminKey.isBlank()) {
      adminKey = Files.readString(CommandSideService.adminKeyFile(home)).strip();
    }
    AgentOsClient admin =
        AgentOsClient.builder()
            .commandUrl(url)
            .queryUrl(properties.getProperty(QuerySideService.URL))
            .projectionsUrl(properties.getProperty(ProjectionsService.URL))
            .apiKey(adminKey)
            // A measurement waits as long as the stack takes (a 500-memory batch, a replay's
            // start on a loaded machine): a timeout would end the run, not make it faster.
            .timeout(CALL_TIMEOUT)
            .build();
    String agentId = "bench-" + UUID.randomUUID();
    admin.commands().registerAgent(RegisterAgent.of(agentId, "benchmark", "agentos-benchmarks"));
    String agentKey =
        admin
            .commands()
            .issueApiKey(
                agentId,
                IssueApiKey.of(
                    null,
                    ApiKeyScope.EVENTS_WRITE,
                    ApiKeyScope.MEMORY_WRITE,
                    ApiKeyScope.MEMORY_READ,
                    ApiKeyScope.QUERY_READ,
                    ApiKeyScope.EXECUTIONS_RUN))
            .key();
    return new BenchTarget(StackEndpoints.from(properties), admin.withApiKey(agentKey), admin);
  }
}
