package dev.agentos.projections;

import java.time.Clock;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The small beans every read model shares. */
@Configuration
public class ProjectionsConfiguration {

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

  /**
   * Events come from Kafka, not from an event store: a plain bus keeps Axon's auto-configuration
   * from creating event store tables the projections would never use.
   */
  @Bean
  EventBus eventBus() {
    return SimpleEventBus.builder().build();
  }

  /**
   * Axon's token table with its Postgres factory, before any processor starts (processors start
   * with the context's lifecycle, after singletons). {@code CREATE TABLE IF NOT EXISTS}: the
   * command side may have created it already in the same database.
   */
  @Bean
  SmartInitializingSingleton tokenTable(TokenStore tokenStore) {
    return () -> ((JdbcTokenStore) tokenStore).createSchema(PostgresTokenTableFactory.INSTANCE);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
