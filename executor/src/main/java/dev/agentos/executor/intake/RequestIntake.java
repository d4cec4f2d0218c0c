package dev.agentos.executor.intake;

import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads execution requests off the executions topic and runs each on one of a fixed number of
 * slots. When every slot is busy the consumer pauses (it keeps polling, so it stays in its group,
 * but fetches nothing) instead of piling requests up in memory. Offsets are committed only up to
 * the first request not yet recorded ({@link PartitionProgress}), so a crash loses nothing.
 *
 * <p>A verification's request comes just before the execution that runs its tests, under the same
 * key (so in the same partition): it is held, uncommitted, until that execution is done.
 *
 * <p>Only the thread running {@link #run} touches the consumer; the slots report what they finished
 * through a queue it drains.
 */
public final class RequestIntake implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final EventDecoder decoder;
  private final RequestHandler handler;
  private final int slots;
  private final Duration drainTimeout;
  private final ExecutorService pool;
  private final AtomicInteger busy = new AtomicInteger();
  private final Queue<Position> finished = new ConcurrentLinkedQueue<>();
  private final Map<TopicPartition, PartitionProgress> progress = new HashMap<>();
  private final Map<String, Held<VerificationRequested>> verifications = new HashMap<>();
  private final Deque<Held<ExecutionRequested>> backlog = new ArrayDeque<>();
  private volatile boolean stopping;

  /**
   * @param drainTimeout how long a stop or a rebalance waits for running requests to be recorded:
   *     the longest wall limit a run may have, and some
   */
  public RequestIntake(
      Consumer<String, byte[]> consumer,
      String topic,
      EventDecoder decoder,
      RequestHandler handler,
      int slots,
      Duration drainTimeout) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    this.consumer = consumer;
    this.topic = topic;
    this.decoder = decoder;
    this.handler = handler;
    this.slots = slots;
    this.drainTimeout = drainTimeout;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            slots, task -> new Thread(task, "run-" + threads.incrementAndGet()));
  }

  /** Requests being run now. */
  public int running() {
    return busy.get();
  }

  @Override
  public void run() {
    consumer.subscribe(List.of(topic), new Rebalance());
    try {
      while (!stopping) {
        settleFinished();
        dispatch();
        pauseWhileFull();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          accept(record);
        }
        dispatch();
        commit();
      }
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
    } finally {
      drainRuns();
      settleFinished();
      commit();
      consumer.close();
    }
  }

  /** Stops taking requests; {@link #run} returns once the running ones are recorded. */
  public void stop() {
    stopping = true;
    consumer.wakeup();
  }

  private void accept(ConsumerRecord<String, byte[]> record) {
    Position position =
        new Position(new TopicPartition(record.topic(), record.partition()), record.offset());
    progress
        .computeIfAbsent(position.partition(), p -> new PartitionProgress())
        .received(record.offset());
    SpecificRecord event = decoder.decode(record);
    if (event instanceof VerificationRequested verification) {
      verifications.put(verification.getExecutionId(), new Held<>(position, verification));
    } else if (event instanceof ExecutionRequested request) {
      backlog.add(new Held<>(position, request));
    } else {
      finished.add(position); // other lifecycle events, and records the decoder set aside
    }
  }

  private void dispatch() {
    while (!backlog.isEmpty() && busy.get() < slots) {
      Held<ExecutionRequested> request = backlog.poll();
      Held<VerificationRequested> verification =
          verifications.remove(request.event().getExecutionId());
      busy.incrementAndGet();
      pool.execute(() -> runOne(request, verification));
    }
  }

  private void runOne(Held<ExecutionRequested> request, Held<VerificationRequested> verification) {
    try {
      handler.handle(request.event(), verification == null ? null : verification.event());
    } catch (Exception | Error e) {
      log.error(
          "execution {} could not be run nor recorded; it is skipped",
          request.event().getExecutionId(),
          e);
    } finally {
      finished.add(request.position());
      if (verification != null) {
        finished.add(verification.position());
      }
      busy.decrementAndGet();
    }
  }

  /** Fetches nothing while every slot is busy and requests wait, and all again once one frees. */
  private void pauseWhileFull() {
    boolean full = busy.get() >= slots || !backlog.isEmpty();
    if (full) {
      consumer.pause(consumer.assignment());
    } else if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
  }

  private void settleFinished() {
    Position done;
    while ((done = finished.poll()) != null) {
      PartitionProgress partition = progress.get(done.partition());
      if (partition != null) { // null: revoked meanwhile, its offsets are no longer ours
        partition.done(done.offset());
      }
    }
  }

  private void commit() {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    progress.forEach(
        (partition, state) ->
            state
                .committable()
                .ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset))));
    if (!offsets.isEmpty()) {
      consumer.commitSync(offsets);
    }
  }

  private void drainRuns() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "{} runs still going after {}; they are read again on the next start",
            busy.get(),
            drainTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Before partitions go to another executor, the requests running here finish and are committed,
   * so the other executor does not find them unrecorded and run them again; requests that waited
   * for a slot are left to it.
   */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      backlog.removeIf(held -> partitions.contains(held.position().partition()));
      verifications.values().removeIf(held -> partitions.contains(held.position().partition()));
      long deadline = System.nanoTime() + drainTimeout.toNanos();
      while (busy.get() > 0 && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      settleFinished();
      commit();
      progress.keySet().removeAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
  }

  private record Position(TopicPartition partition, long offset) {}

  private record Held<T>(Position position, T event) {}
}
