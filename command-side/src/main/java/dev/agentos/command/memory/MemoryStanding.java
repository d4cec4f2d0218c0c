package dev.agentos.command.memory;

import static dev.agentos.command.memory.MemoryDirectory.State.ACTIVE;
import static dev.agentos.command.memory.MemoryDirectory.State.DELETED;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.RuleViolationException;

/**
 * Whose a memory is and where it is in its life: the checks every command on a {@link Memory}
 * starts with. Only a caller that may see the memory (its tenant, and its project for a key bound
 * to one: {@link CommandOrigin#reaches}) may touch it, and learns nothing more about it than about
 * an unknown id otherwise; only an active memory may change.
 */
record MemoryStanding(
    String memoryId, String tenantId, String projectId, MemoryDirectory.State state) {

  MemoryStanding with(MemoryDirectory.State next) {
    return new MemoryStanding(memoryId, tenantId, projectId, next);
  }

  void requireNotDeleted(CommandOrigin caller) {
    caller.requireReach(tenantId, projectId);
    if (state == DELETED) {
      throw new RuleViolationException("memory " + memoryId + " is deleted");
    }
  }

  void requireChangeable(CommandOrigin caller, MemoryDirectory directory) {
    caller.requireReach(tenantId, projectId);
    if (state != ACTIVE) {
      throw new RuleViolationException(
          "memory " + memoryId + " is " + state.name().toLowerCase() + " and cannot change");
    }
    // A merge collapses duplicates without an event of their own: only the directory knows.
    if (directory.find(tenantId, memoryId).map(MemoryDirectory.Entry::state).orElse(ACTIVE)
        != ACTIVE) {
      throw new RuleViolationException(
          "memory " + memoryId + " was collapsed into a duplicate when its context was merged");
    }
  }

  /** Events about a memory carry its own tenant and project, and the caller's agent and trace. */
  CommandOrigin eventOrigin(CommandOrigin caller) {
    return new CommandOrigin(
        tenantId, projectId, caller.agentId(), caller.sessionId(), caller.traceId());
  }
}
