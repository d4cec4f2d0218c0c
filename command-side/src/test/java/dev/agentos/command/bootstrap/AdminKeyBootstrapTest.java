package dev.agentos.command.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agentos.auth.ApiKeyDirectory;
import dev.agentos.command.CommandSideProperties;
import dev.agentos.command.auth.ApiKeyTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class AdminKeyBootstrapTest {

  @TempDir Path home;

  @Test
  void aGeneratedKeyIsOnlyInTheOwnerOnlyFileNeverOnStdoutOrInTheLog() throws Exception {
    Path keyFile = home.resolve("admin-key");
    CommandSideProperties properties = mock(CommandSideProperties.class);
    when(properties.bootstrap())
        .thenReturn(
            new CommandSideProperties.Bootstrap("t1", "p1", null, keyFile.toString(), null));
    AdminKeyBootstrap bootstrap =
        new AdminKeyBootstrap(
            mock(CommandGateway.class),
            mock(ApiKeyDirectory.class),
            mock(ApiKeyTable.class),
            properties);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(AdminKeyBootstrap.class)).addAppender(log);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      bootstrap.run(null);
    } finally {
      System.setOut(original);
      ((Logger) LoggerFactory.getLogger(AdminKeyBootstrap.class)).detachAppender(log);
    }

    String key = Files.readString(keyFile).strip();
    assertThat(key).startsWith("aos_");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain(key);
    assertThat(log.list)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(key));
  }
}
