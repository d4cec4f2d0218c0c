package dev.agentos.projections.wiring;

import dev.agentos.projections.memory.MemoryCassandraProjection;
import dev.agentos.projections.metrics.MetricsInfluxProjection;
import dev.agentos.projections.search.MemorySearchProjection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A witness in a read model's processing group: counts each event id once its batch has committed,
 * that is after the read model's batched writes. A test waits on it instead of sleeping.
 */
abstract class CommittedEvents {

  private final Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();

  @EventHandler
  void on(Object event, EventMessage<?> message) {
    String id = message.getIdentifier();
    CurrentUnitOfWork.get()
        .afterCommit(
            done -> committed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + committed;
  }

  int times(String eventId) {
    AtomicInteger count = committed.get(eventId);
    return count == null ? 0 : count.get();
  }

  @ProcessingGroup(MemoryCassandraProjection.GROUP)
  static class InCassandra extends CommittedEvents {}

  @ProcessingGroup(MemorySearchProjection.GROUP)
  static class InSearch extends CommittedEvents {}

  @ProcessingGroup(MetricsInfluxProjection.GROUP)
  static class InInflux extends CommittedEvents {}
}
