package dev.agentos.command.context;

import dev.agentos.command.memory.MemoryDirectory;
import dev.agentos.events.memory.CollapsedDuplicate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which memories a merge keeps: of the active memories with the same content hash, the oldest (ties
 * broken by id); the others are collapsed into it.
 *
 * @param moved how many memories the target receives, duplicates excluded
 */
record DuplicateCollapse(int moved, List<CollapsedDuplicate> collapsed) {

  /** {@code active} must come oldest first, as {@link MemoryDirectory#activeIn} answers. */
  static DuplicateCollapse of(List<MemoryDirectory.Entry> active) {
    Map<String, String> keptByHash = new HashMap<>();
    List<CollapsedDuplicate> collapsed = new ArrayList<>();
    for (MemoryDirectory.Entry memory : active) {
      String kept = keptByHash.putIfAbsent(memory.contentHash(), memory.memoryId());
      if (kept != null) {
        collapsed.add(new CollapsedDuplicate(memory.memoryId(), kept));
      }
    }
    return new DuplicateCollapse(active.size() - collapsed.size(), List.copyOf(collapsed));
  }
}
