package dev.agentos.projections.source;

import dev.agentos.events.memory.MemoryStored;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** A test read model: remembers the memory ids it was handed, in order; fails on "poison". */
@ProcessingGroup(SeenEvents.GROUP)
public class SeenEvents {

  static final String GROUP = "it-recorder";

  final List<String> memoryIds = new CopyOnWriteArrayList<>();

  @EventHandler
  void on(MemoryStored event) {
    if (event.getContent().equals("poison")) {
      throw new IllegalStateException("this handler never takes poison");
    }
    memoryIds.add(event.getMemoryId());
  }
}
