package dev.agentos.command.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.auth.ApiKeys;
import dev.agentos.auth.Caller;
import dev.agentos.command.CommandSideProperties;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.events.agents.ApiKeyScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class ExecutorKeyBootstrapTest {

  @TempDir Path home;

  private final CommandGateway commands = mock(CommandGateway.class);
  private final ApiKeyDirectory directory = mock(ApiKeyDirectory.class);

  @Test
  void issuesAnExecutorKeyAloneInThePlatformTenantAndKeepsItInAnOwnerOnlyFile() throws Exception {
    Path keyFile = home.resolve("executor-key");

    bootstrap(keyFile.toString()).run(null);

    String key = Files.readString(keyFile).strip();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
    verify(commands, org.mockito.Mockito.times(2)).sendAndWait(sent.capture());
    IssueApiKeyCommand issued = (IssueApiKeyCommand) sent.getAllValues().get(1);
    assertThat(issued.scopes()).containsExactly(ApiKeyScope.EXECUTOR);
    assertThat(issued.keyHash()).isEqualTo(ApiKeys.hash(key));
    assertThat(issued.origin().tenantId()).isEqualTo("platform");
  }

  @Test
  void aFileHoldingAValidExecutorKeyIsKept() throws Exception {
    Path keyFile = home.resolve("executor-key");
    Files.writeString(keyFile, "aos_existing\n");
    when(directory.authenticate(eq("aos_existing"), any()))
        .thenReturn(
            Optional.of(new Caller("k", "platform", null, "x", Set.of(ApiKeyScope.EXECUTOR))));

    bootstrap(keyFile.toString()).run(null);

    verify(commands, never()).sendAndWait(any());
    assertThat(Files.readString(keyFile)).isEqualTo("aos_existing\n");
  }

  @Test
  void noFileConfiguredIssuesNothing() throws Exception {
    bootstrap(null).run(null);

    verify(commands, never()).sendAndWait(any());
  }

  private ExecutorKeyBootstrap bootstrap(String keyFile) {
    CommandSideProperties properties = mock(CommandSideProperties.class);
    when(properties.bootstrap())
        .thenReturn(new CommandSideProperties.Bootstrap("platform", "p1", null, null, keyFile));
    return new ExecutorKeyBootstrap(commands, directory, properties);
  }
}
