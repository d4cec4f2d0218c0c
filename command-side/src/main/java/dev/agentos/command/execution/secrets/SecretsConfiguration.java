package dev.agentos.command.execution.secrets;

import dev.agentos.command.CommandSideProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The vault of executions' environments, sealed with the keyset of {@code agentos.secrets}. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

  @Bean
  EnvironmentVault environmentVault(JdbcTemplate jdbc, CommandSideProperties properties)
      throws IOException, GeneralSecurityException {
    Path keyset = Path.of(properties.secrets().keysetFile());
    return new JdbcEnvironmentVault(
        jdbc, new EnvironmentCipher(SecretsKeyset.loadOrCreate(keyset)));
  }
}
