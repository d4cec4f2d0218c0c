package dev.agentos.command.publish;

import dev.agentos.command.CommandSideProperties;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes every event of the event store to Kafka, in the store's global order, exactly once (ADR
 * 0002). The store is the outbox: a command's events are durable when it returns; one thread then
 * copies them in Kafka transactions that also carry the publisher's position. Kafka trouble of any
 * kind ends the session and a new one starts from the position Kafka holds, after a backoff; only
 * being fenced by a newer publisher with the same transactional id stops it for good.
 */
@Component
@ConditionalOnProperty(
    prefix = "agentos.publisher",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class EventPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  private final EventStore eventStore;
  private final CommandSideProperties.Publisher settings;
  private final PublisherClients clients;
  private final EventRecords records;
  private final DeadLetterRecords deadLetters;
  private final RecordSizeLimit sizeLimit = new RecordSizeLimit(PublisherClients.MAX_REQUEST_SIZE);
  private final PublisherPosition position;
  private final Object wakeUp = new Object();
  private volatile boolean running;
  private volatile PublishingSession session;
  private volatile Thread thread;

  public EventPublisher(EventStore eventStore, CommandSideProperties properties, Clock clock) {
    this.eventStore = eventStore;
    this.settings = properties.publisher();
    String id = settings.transactionalId();
    this.clients = new PublisherClients(properties.kafka().bootstrapServers(), id);
    RegistryAvroSerializer<Object> avro =
        new RegistryAvroSerializer<>(SchemaRegistryClient.connect(properties.registry().url()));
    avro.configure(Map.of(), false);
    this.records = new EventRecords(avro, id);
    this.deadLetters = new DeadLetterRecords(records, id, clock);
    this.position = new PublisherPosition(clock);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "agentos-publisher");
    // Only an Error gets here (run() retries every Exception); say so instead of dying silently.
    thread.setUncaughtExceptionHandler(
        (t, e) -> {
          running = false;
          log.error(
              "Publisher '{}' died; accepted events stay in the event store, unpublished until the"
                  + " application restarts",
              settings.transactionalId(),
              e);
        });
    // Spring stops it before the JVM exits; a daemon cannot keep a failed JVM alive meanwhile.
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Lets the current transaction finish (or aborts it when stuck) and closes stream and clients.
   */
  @Override
  public synchronized void stop() {
    running = false;
    synchronized (wakeUp) {
      wakeUp.notifyAll(); // ends a backoff at once
    }
    Thread publishing = thread;
    if (publishing == null) {
      return;
    }
    try {
      publishing.join(KAFKA_TIMEOUT.toMillis());
      if (publishing.isAlive()) {
        log.warn("Publisher did not stop within {}; interrupting it", KAFKA_TIMEOUT);
        publishing.interrupt();
        publishing.join(KAFKA_TIMEOUT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Whether this publisher holds its transactional id right now: older ones are fenced and it reads
   * the store from the position Kafka holds. False while Kafka is out of reach, and for good once a
   * newer publisher has fenced this one.
   */
  public boolean isPublishing() {
    PublishingSession current = session;
    return current != null && current.isPublishing();
  }

  /** Where it stands and since when, for {@link PublisherHealthIndicator}. */
  PublisherPosition position() {
    return position;
  }

  private void run() {
    Duration retry = FIRST_RETRY;
    while (running) {
      PublishingSession session =
          new PublishingSession(
              clients,
              eventStore,
              records,
              deadLetters,
              sizeLimit,
              position,
              settings.transactionalId(),
              settings.maxBatch(),
              settings.progressInterval(),
              KAFKA_TIMEOUT);
      this.session = session;
      try {
        session.publishWhile(() -> running);
      } catch (InterruptedException | InterruptException e) {
        running = false;
      } catch (Exception e) {
        if (causedBy(e, ProducerFencedException.class)) {
          log.error(
              "Another publisher with transactional id '{}' has started and fenced this one; this"
                  + " one stops (restart the application to take over again)",
              settings.transactionalId());
          running = false;
          break;
        }
        retry = session.committed() ? FIRST_RETRY : retry;
        log.warn(
            "Publishing to Kafka failed after position {}; retrying from Kafka's position in {} s:"
                + " {}",
            session.position(),
            retry.toSeconds(),
            e.toString());
        sleep(retry);
        retry =
            retry.multipliedBy(2).compareTo(LAST_RETRY) < 0 ? retry.multipliedBy(2) : LAST_RETRY;
      }
    }
    log.info("Publisher '{}' stopped", settings.transactionalId());
  }

  /**
   * A fenced producer first hears "old epoch" on its sends; that it was fenced shows in the abort
   * that follows, which {@link BatchPublisher} keeps as a suppressed exception.
   *
   * <p>Causes and suppressed exceptions can form a cycle (Kafka hands the same fatal error to the
   * send and to the abort, each of which may end up holding the other). A plain recursion then
   * never ends: on 2026-11-25 it overflowed the stack after an {@code InvalidTxnStateException} and
   * killed the publisher thread, so accepted events stayed unpublished until a restart. Each
   * throwable is therefore looked at once.
   */
  static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    if (e != null) {
      pending.push(e);
    }
    while (!pending.isEmpty()) {
      Throwable next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (type.isInstance(next)) {
        return true;
      }
      if (next.getCause() != null) {
        pending.push(next.getCause());
      }
      for (Throwable suppressed : next.getSuppressed()) {
        pending.push(suppressed);
      }
    }
    return false;
  }

  private void sleep(Duration duration) {
    synchronized (wakeUp) {
      try {
        if (running) {
          wakeUp.wait(duration.toMillis());
        }
      } catch (InterruptedException e) {
        running = false;
      }
    }
  }
}
