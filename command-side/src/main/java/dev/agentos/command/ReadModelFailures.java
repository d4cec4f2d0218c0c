package dev.agentos.command;

import dev.agentos.command.auth.ApiKeyProjection;
import dev.agentos.command.memory.MemoryDirectoryProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes a failed write to a read model the command side decides with (the API keys, the memory and
 * context directories) fail the command that caused it. Axon's default for event handlers is to log
 * the failure and go on, which would commit the events while the read model misses them: a key
 * issued that never authenticates, a memory the directory does not know.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelFailures {

  @Bean
  ConfigurerModule propagateReadModelFailures() {
    return configurer -> {
      for (String group : new String[] {MemoryDirectoryProjection.GROUP, ApiKeyProjection.GROUP}) {
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
      }
    };
  }
}
