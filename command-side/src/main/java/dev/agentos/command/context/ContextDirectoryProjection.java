package dev.agentos.command.context;

import dev.agentos.command.memory.MemoryDirectoryProjection;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextsMerged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link JdbcContextDirectory} in step with the context events. It shares the subscribing
 * {@code directory} group with the memory directory, so both are written in the command's own
 * transaction.
 */
@Component
@ProcessingGroup(MemoryDirectoryProjection.GROUP)
public class ContextDirectoryProjection {

  private final JdbcContextDirectory directory;

  public ContextDirectoryProjection(JdbcContextDirectory directory) {
    this.directory = directory;
  }

  @EventHandler
  void on(ContextCreated event) {
    directory.add(
        event.getContextId(),
        event.getHeader().getTenantId(),
        event.getHeader().getProjectId(),
        event.getName(),
        event.getHeader().getOccurredAt());
  }

  @EventHandler
  void on(ContextsMerged event) {
    directory.merge(
        event.getHeader().getTenantId(), event.getSourceContextIds(), event.getTargetContextId());
  }
}
