package dev.agentos.deploy.registry;

import dev.agentos.deploy.registry.store.RegistryEvent;
import dev.agentos.deploy.registry.store.RegistryLog;
import dev.agentos.deploy.registry.store.StoreException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registry's log in a list; can be told to refuse writes, as an unreachable Kafka would. */
final class InMemoryRegistryLog implements RegistryLog {

  final List<RegistryEvent> events = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  @Override
  public List<RegistryEvent> readAll() {
    return List.copyOf(events);
  }

  @Override
  public void append(RegistryEvent event) {
    if (failing) {
      throw new StoreException("broker unreachable", new RuntimeException("no leader"));
    }
    events.add(event);
  }
}
