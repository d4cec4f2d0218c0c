package dev.agentos.command.context;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.context.api.CreateContextCommand;
import dev.agentos.command.context.api.MergeContextsCommand;
import dev.agentos.command.memory.MemoryDirectory;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A named scope of memories. Its name is not blank and unique among the open contexts of its
 * project; its parent, if any, is an open context the caller may see ({@link
 * CommandOrigin#reaches}).
 *
 * <p>A merge creates a new context from two or more distinct open contexts the caller may see. The
 * target's stream starts with {@code ContextCreated}, like every context's, so a reader that knows
 * only that event still learns the target exists; {@code ContextsMerged} follows, listing the
 * duplicates it collapsed. The sources get no event of their own: the merge is the target's fact,
 * and the context directory marks them merged, so stores, switches and merges refuse them.
 */
@Aggregate
public class Context {

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String contextId;

  protected Context() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(
      CreateContextCommand command, EventHeaders headers, ContextDirectory contexts) {
    CommandOrigin origin = command.origin();
    if (command.parentContextId() != null) {
      ContextDirectory.requireOpen(
          contexts.find(origin.tenantId(), command.parentContextId()), origin, "parentContextId");
    }
    // After the context locks, as in a merge: one lock order, no deadlock between the two.
    requireUsableName(command.name(), origin, contexts, List.of());
    List<String> tags = command.tags() == null ? List.of() : command.tags();
    if (tags.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
      throw new InvalidCommandException("tags", "must not hold blank tags");
    }
    apply(
        new ContextCreated(
            headers.next(origin),
            command.contextId(),
            command.name(),
            command.description(),
            command.parentContextId(),
            new ArrayList<>(tags)));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(
      MergeContextsCommand command,
      EventHeaders headers,
      ContextDirectory contexts,
      MemoryDirectory memories) {
    List<String> sources = command.sourceContextIds();
    if (sources == null || sources.size() < 2) {
      throw new InvalidCommandException("sourceContextIds", "name at least two contexts");
    }
    if (new HashSet<>(sources).size() != sources.size()) {
      throw new InvalidCommandException("sourceContextIds", "must not name a context twice");
    }
    if (sources.contains(command.targetContextId())) {
      throw new InvalidCommandException(
          "targetContextId", "must be a new context, not one of the sources");
    }
    // Locked in one order, so that two merges sharing a source cannot deadlock.
    for (String source : sources.stream().sorted().toList()) {
      ContextDirectory.requireOpen(
          contexts.lockForMerge(command.origin().tenantId(), source),
          command.origin(),
          "sourceContextIds[" + sources.indexOf(source) + "]");
    }
    requireUsableName(command.name(), command.origin(), contexts, sources);
    DuplicateCollapse collapse =
        DuplicateCollapse.of(memories.activeIn(command.origin().tenantId(), sources));
    apply(
        new ContextCreated(
            headers.next(command.origin()),
            command.targetContextId(),
            command.name(),
            null,
            null,
            new ArrayList<>()));
    apply(
        new ContextsMerged(
            headers.next(command.origin()),
            new ArrayList<>(sources),
            command.targetContextId(),
            collapse.moved(),
            new ArrayList<>(collapse.collapsed())));
    return result();
  }

  @EventSourcingHandler
  void on(ContextCreated event) {
    contextId = event.getContextId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), contextId);
  }

  /** The sources of a merge close with it, so the target may take the name of one of them. */
  private static void requireUsableName(
      String name, CommandOrigin origin, ContextDirectory contexts, Collection<String> closing) {
    if (name == null || name.isBlank()) {
      throw new InvalidCommandException("name", "must not be blank");
    }
    contexts
        .openContextNamed(origin.tenantId(), origin.projectId(), name)
        .filter(existing -> !closing.contains(existing))
        .ifPresent(
            existing -> {
              throw new RuleViolationException(
                  "context " + existing + " of this project is already named '" + name + "'");
            });
  }

  private CommandResult result() {
    return new CommandResult(contextId, AggregateLifecycle.getVersion());
  }
}
