package dev.agentos.command.bootstrap;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.ApiKeys;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandSideProperties;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.events.agents.ApiKeyScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the executor its key (EXECUTOR scope alone, ADR 0013) when {@code
 * agentos.bootstrap.executor-key-file} is set: an agent {@value #AGENT_ID} of the platform tenant
 * is registered and a key issued to it, written only to that file (owner-only), before the command
 * side is ready, so an executor started after it finds the key. Runs at every start and does
 * nothing while the file holds a valid EXECUTOR key.
 */
@Component
@Order(2)
public class ExecutorKeyBootstrap implements ApplicationRunner {

  static final String AGENT_ID = "agentos-executor";

  private static final Logger log = LoggerFactory.getLogger(ExecutorKeyBootstrap.class);

  private final CommandGateway commands;
  private final ApiKeyDirectory directory;
  private final CommandSideProperties.Bootstrap settings;

  public ExecutorKeyBootstrap(
      CommandGateway commands, ApiKeyDirectory directory, CommandSideProperties properties) {
    this.commands = commands;
    this.directory = directory;
    this.settings = properties.bootstrap();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String configured = settings.executorKeyFile();
    if (configured == null || configured.isBlank()) {
      return;
    }
    Path file = Path.of(configured);
    if (holdsExecutorKey(file)) {
      return;
    }
    CommandOrigin origin =
        new CommandOrigin(settings.tenantId(), settings.projectId(), AGENT_ID, null, null);
    try {
      commands.sendAndWait(
          new RegisterAgentCommand(
              AGENT_ID,
              "The sandbox executor of this platform",
              "agentos-executor",
              null,
              List.of(),
              Map.of(),
              origin));
    } catch (AggregateStreamCreationException alreadyRegistered) {
      // An earlier start registered it; its key file is missing or holds a revoked key.
    }
    String key = ApiKeys.generate();
    OwnerOnlyFile.write(file, key); // before the key is valid: no valid key without a copy
    commands.sendAndWait(
        new IssueApiKeyCommand(
            AGENT_ID,
            UUID.randomUUID().toString(),
            ApiKeys.hash(key),
            ApiKeys.displayPrefix(key),
            Set.of(ApiKeyScope.EXECUTOR),
            "bootstrap executor key",
            null,
            origin));
    log.info("Executor key generated and written to {} (owner-only)", file.toAbsolutePath());
  }

  private boolean holdsExecutorKey(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    return directory
        .authenticate(Files.readString(file).strip(), Instant.now())
        .filter(caller -> caller.scopes().contains(ApiKeyScope.EXECUTOR))
        .isPresent();
  }
}
