package dev.agentos.query.access;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryAccessKind;
import dev.agentos.events.memory.MemoryAccessed;
import dev.agentos.schemas.topics.EventKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records reads as {@code MemoryAccessed} events without slowing them down: {@link #record} only
 * appends to a buffer; a single background thread publishes it every flush interval, or as soon as
 * enough ids wait. Reads of the same caller, session, kind, query and context within one flush
 * become one event, their ids in read order. Closing publishes what still waits.
 */
public class AccessRecorder implements AutoCloseable {

  static final String SOURCE = "query-side";

  private static final Logger log = LoggerFactory.getLogger(AccessRecorder.class);

  private final Producer<String, SpecificRecord> producer;
  private final String topic;
  private final Clock clock;
  private final int maxBatchIds;
  private final int maxPendingIds;
  private final ScheduledExecutorService publisher;

  private final Object lock = new Object();
  private Map<Batch, List<String>> pending = new LinkedHashMap<>();
  private int pendingIds;
  private long dropped;

  public AccessRecorder(
      Producer<String, SpecificRecord> producer, AccessProperties properties, Clock clock) {
    this.producer = producer;
    this.topic = properties.topic();
    this.clock = clock;
    this.maxBatchIds = properties.maxBatchIds();
    this.maxPendingIds = properties.maxPendingIds();
    this.publisher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "memory-access-recorder");
              t.setDaemon(true);
              return t;
            });
    long every = properties.flushInterval().toMillis();
    publisher.scheduleWithFixedDelay(this::publishSafely, every, every, TimeUnit.MILLISECONDS);
  }

  /** Notes a read; returns at once. Reads that returned nothing are not recorded. */
  public void record(
      AccessScope scope,
      List<String> memoryIds,
      MemoryAccessKind kind,
      String query,
      String contextId) {
    if (memoryIds.isEmpty()) {
      return;
    }
    boolean full;
    synchronized (lock) {
      if (pendingIds + memoryIds.size() > maxPendingIds) {
        dropped += memoryIds.size();
        return;
      }
      pending
          .computeIfAbsent(new Batch(scope, kind, query, contextId), b -> new ArrayList<>())
          .addAll(memoryIds);
      pendingIds += memoryIds.size();
      full = pendingIds >= maxBatchIds;
    }
    if (full) {
      publisher.execute(this::publishSafely);
    }
  }

  /** Publishes what waits, then stops; waits for Kafka to acknowledge, up to its own timeouts. */
  @Override
  public void close() {
    publisher.shutdown();
    try {
      if (!publisher.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("memory access publisher did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publishSafely();
    producer.flush();
  }

  private void publishSafely() {
    try {
      publish();
    } catch (RuntimeException e) {
      // A failing send must not cancel the schedule: the next interval tries again with new reads.
      log.warn("could not publish memory access events", e);
    }
  }

  private void publish() {
    Map<Batch, List<String>> batches;
    long droppedNow;
    synchronized (lock) {
      if (pending.isEmpty() && dropped == 0) {
        return;
      }
      batches = pending;
      pending = new LinkedHashMap<>();
      pendingIds = 0;
      droppedNow = dropped;
      dropped = 0;
    }
    if (droppedNow > 0) {
      log.warn(
          "dropped {} memory access ids: more than {} were waiting", droppedNow, maxPendingIds);
    }
    batches.forEach(
        (batch, ids) -> {
          MemoryAccessed event = batch.event(header(batch.scope()), ids);
          producer.send(
              new ProducerRecord<>(topic, EventKeys.keyOf(event), event),
              (metadata, error) -> {
                if (error != null) {
                  log.warn(
                      "memory access event {} ({} ids) was not published",
                      event.getHeader().getEventId(),
                      ids.size(),
                      error);
                }
              });
        });
  }

  private EventHeader header(AccessScope scope) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(clock.instant())
        .setTenantId(scope.tenantId())
        .setProjectId(scope.projectId())
        .setAgentId(scope.agentId())
        .setSessionId(scope.sessionId())
        .setSource(SOURCE)
        .build();
  }

  /** What reads must share to be recorded as one event. */
  private record Batch(AccessScope scope, MemoryAccessKind kind, String query, String contextId) {
    MemoryAccessed event(EventHeader header, List<String> ids) {
      return MemoryAccessed.newBuilder()
          .setHeader(header)
          .setMemoryIds(ids)
          .setAccessKind(kind)
          .setQuery(query)
          .setContextId(contextId)
          .build();
    }
  }
}
