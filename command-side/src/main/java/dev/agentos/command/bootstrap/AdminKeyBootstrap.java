package dev.agentos.command.bootstrap;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.ApiKeys;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandSideProperties;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.auth.ApiKeyTable;
import dev.agentos.events.agents.ApiKeyScope;
import java.io.IOException;
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
 * Gives the first tenant an admin key, so a new user can call the API at once. Runs at every start
 * and does nothing while the tenant has a valid admin key. The key is the configured one ({@code
 * agentos.bootstrap.admin-key}) or a generated one, written only to {@code
 * agentos.bootstrap.admin-key-file} (owner-only; {@value #DEFAULT_KEY_FILE} in the working
 * directory when unset), never to stdout or a log; only its hash is stored.
 */
@Component
@Order(1)
public class AdminKeyBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

  /** Where a generated key goes when {@code agentos.bootstrap.admin-key-file} is not set. */
  static final String DEFAULT_KEY_FILE = "agentos-admin-key";

  private final CommandGateway commands;
  private final ApiKeyDirectory directory;
  private final ApiKeyTable keys;
  private final CommandSideProperties.Bootstrap settings;

  public AdminKeyBootstrap(
      CommandGateway commands,
      ApiKeyDirectory directory,
      ApiKeyTable keys,
      CommandSideProperties properties) {
    this.commands = commands;
    this.directory = directory;
    this.keys = keys;
    this.settings = properties.bootstrap();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String configured = settings.adminKey();
    boolean configuredKeyMissing =
        configured != null
            && !configured.isBlank()
            && directory.authenticate(configured, Instant.now()).isEmpty();
    if (!configuredKeyMissing && keys.hasAdminKey(settings.tenantId())) {
      return;
    }
    // Named after its tenant, so that events and logs of several tenants tell their admins apart.
    String adminAgentId = "admin-" + settings.tenantId();
    CommandOrigin origin =
        new CommandOrigin(settings.tenantId(), settings.projectId(), adminAgentId, null, null);
    try {
      commands.sendAndWait(
          new RegisterAgentCommand(
              adminAgentId,
              "Administrator of " + settings.tenantId(),
              "agentos-bootstrap",
              null,
              List.of(),
              Map.of(),
              origin));
    } catch (AggregateStreamCreationException alreadyRegistered) {
      // An earlier start registered the admin agent; only its key is missing now.
    }
    String key = configured != null && !configured.isBlank() ? configured : ApiKeys.generate();
    Path file = key.equals(configured) ? null : keyFile();
    if (file != null) {
      // Written before the key is valid, so that no valid key is ever lost with no copy.
      OwnerOnlyFile.write(file, key);
    }
    commands.sendAndWait(
        new IssueApiKeyCommand(
            adminAgentId,
            UUID.randomUUID().toString(),
            ApiKeys.hash(key),
            ApiKeys.displayPrefix(key),
            Set.of(ApiKeyScope.ADMIN),
            "bootstrap admin key",
            null,
            origin));
    if (file == null) {
      log.info(
          "Admin key from agentos.bootstrap.admin-key registered for tenant '{}'",
          settings.tenantId());
      return;
    }
    // Never on stdout or in a log: both end up in files anyone on the machine may read. The
    // owner-only file is the one place it is kept; ./agentos up shows it from there once.
    log.info(
        "Admin key for tenant '{}' generated and written to {} (readable by its owner only)",
        settings.tenantId(),
        file.toAbsolutePath());
  }

  /** Where a generated key is kept: the configured file, else {@value #DEFAULT_KEY_FILE} here. */
  private Path keyFile() {
    String configured = settings.adminKeyFile();
    return Path.of(configured == null || configured.isBlank() ? DEFAULT_KEY_FILE : configured);
  }
}
