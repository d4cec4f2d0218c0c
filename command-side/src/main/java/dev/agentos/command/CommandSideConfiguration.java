package dev.agentos.command;

import dev.agentos.auth.HttpApiConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The small beans every slice shares, and the API-key authentication of every /v1 endpoint. */
@Configuration
@Import(HttpApiConfiguration.class)
public class CommandSideConfiguration {

  /**
   * AgentOS runs where only its own servers are reachable: Axon must neither check AxonIQ's site
   * for updates nor advertise AxonIQ Console. Set before any Axon bean exists.
   */
  @Bean
  static BeanFactoryPostProcessor keepAxonOffline() {
    return beanFactory -> {
      System.setProperty("axoniq.update-checker.disabled", "true");
      System.setProperty("disable-axoniq-console-message", "true");
    };
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Injected into command handlers by Axon's Spring parameter resolver. */
  @Bean
  EventHeaders eventHeaders() {
    return EventHeaders.system();
  }
}
