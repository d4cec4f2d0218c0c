package dev.agentos.command.memory;

import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link JdbcMemoryDirectory} in step with the memory events and with context merges, which
 * move memories and collapse duplicates without an event on the memories themselves. Its processing
 * group is subscribing (see application.yml), so it writes in the command's own transaction.
 */
@Component
@ProcessingGroup(MemoryDirectoryProjection.GROUP)
public class MemoryDirectoryProjection {

  public static final String GROUP = "directory";

  private final JdbcMemoryDirectory directory;

  public MemoryDirectoryProjection(JdbcMemoryDirectory directory) {
    this.directory = directory;
  }

  @EventHandler
  void on(MemoryStored event) {
    directory.add(
        event.getMemoryId(),
        event.getHeader().getTenantId(),
        event.getHeader().getProjectId(),
        event.getContextId(),
        event.getContentHash(),
        event.getHeader().getOccurredAt());
  }

  @EventHandler
  void on(MemoryUpdated event) {
    directory.changeContent(
        event.getHeader().getTenantId(), event.getMemoryId(), event.getContentHash());
  }

  @EventHandler
  void on(MemorySuperseded event) {
    directory.changeState(
        event.getHeader().getTenantId(),
        List.of(event.getMemoryId()),
        MemoryDirectory.State.SUPERSEDED);
  }

  @EventHandler
  void on(MemoryDeleted event) {
    directory.changeState(
        event.getHeader().getTenantId(),
        List.of(event.getMemoryId()),
        MemoryDirectory.State.DELETED);
  }

  @EventHandler
  void on(ContextsMerged event) {
    String tenantId = event.getHeader().getTenantId();
    directory.move(tenantId, event.getSourceContextIds(), event.getTargetContextId());
    directory.changeState(
        tenantId,
        event.getCollapsedDuplicates().stream().map(CollapsedDuplicate::getMemoryId).toList(),
        MemoryDirectory.State.SUPERSEDED);
  }
}
