package dev.agentos.command.context;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.InvalidCommandException;
import java.util.Optional;

/**
 * Which contexts exist in each tenant, in which project, and which were merged away: what memory
 * stores, context switches and merges check a context id against. Kept by {@link
 * ContextDirectoryProjection} in the transaction of every command, so it is never behind.
 *
 * <p>A merge locks its source contexts exclusively and every other reader locks the context it
 * reads shared, until its command commits: a memory stored into a context either lands before the
 * merge (and moves with it) or sees the context merged (and is refused), never in between.
 */
public interface ContextDirectory {

  /**
   * The context {@code contextId} of {@code tenantId} (ids are unique per tenant only), locked
   * shared until the command commits.
   */
  Optional<Entry> find(String tenantId, String contextId);

  /** The context of the tenant, locked exclusively until the merge commits. */
  Optional<Entry> lockForMerge(String tenantId, String contextId);

  /** The id of the open context of this project that has this name, if there is one. */
  Optional<String> openContextNamed(String tenantId, String projectId, String name);

  /**
   * The context {@code found} if it is open and {@code caller} may see it ({@link
   * CommandOrigin#reaches}: its tenant, and its project for a key bound to one); otherwise refuses
   * the command naming {@code field}. An unknown context and one the caller may not see get the
   * same answer, so that no caller learns what others hold.
   */
  static Entry requireOpen(Optional<Entry> found, CommandOrigin caller, String field) {
    Entry entry =
        found
            .filter(e -> caller.reaches(e.tenantId(), e.projectId()))
            .orElseThrow(() -> new InvalidCommandException(field, "no context with this id"));
    if (entry.mergedInto() != null) {
      throw new InvalidCommandException(
          field, "context was merged into " + entry.mergedInto() + "; use that one");
    }
    return entry;
  }

  /**
   * One context as the directory knows it.
   *
   * @param mergedInto the context it was merged into, null while it is open
   */
  record Entry(
      String contextId, String tenantId, String projectId, String name, String mergedInto) {}
}
