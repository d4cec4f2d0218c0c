package dev.agentos.command.memory;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes a failed write to the memory or context directory fail the command that caused it. Axon's
 * default for event handlers is to log the failure and go on, which would commit the events while
 * the directory that later commands decide with misses them.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryErrorHandling {

  @Bean
  ConfigurerModule propagateDirectoryFailures() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                MemoryDirectoryProjection.GROUP, c -> PropagatingErrorHandler.instance());
  }
}
