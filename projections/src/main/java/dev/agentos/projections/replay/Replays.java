package dev.agentos.projections.replay;

import dev.agentos.projections.source.KafkaEventProcessors;
import dev.agentos.projections.source.KafkaSourceProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

/**
 * Rebuilds a read model from the first offset of its topics: stops its processor, resets its tokens
 * to the tail (Axon first calls the read model's {@code @ResetHandler}, which empties it), and
 * starts it again; and tells how far a processor has come.
 */
public final class Replays {

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);

  private final EventProcessingConfiguration processing;
  private final KafkaSourceProperties properties;
  private final TopicEnds ends;
  private final Clock clock;
  private final Map<String, Sample> lastSamples = new ConcurrentHashMap<>();
  private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();

  /**
   * Read models replayed since start-up whose replay is not finished, each with whether it has
   * caught up and runs its {@link AfterReplay} steps.
   */
  private final Map<String, Boolean> unfinished = new ConcurrentHashMap<>();

  /** Read models whose replay this run started, or whose stored tokens it has looked at. */
  private final Set<String> looked = ConcurrentHashMap.newKeySet();

  /** Records read at a moment, to compute a rate from. */
  private record Sample(Instant at, long recordsRead) {}

  public Replays(
      EventProcessingConfiguration processing,
      KafkaSourceProperties properties,
      TopicEnds ends,
      Clock clock) {
    this.processing = processing;
    this.properties = properties;
    this.ends = ends;
    this.clock = clock;
  }

  /** Thrown for a read model this application does not run. */
  public static final class UnknownReadModel extends RuntimeException {
    UnknownReadModel(String readModel, Collection<String> known) {
      super("no read model '" + readModel + "' runs here; known: " + known);
    }
  }

  /** Starts a replay of {@code readModel}; one at a time per application. */
  public synchronized ReplayProgress replay(String readModel) {
    PooledStreamingEventProcessor processor = processorOf(readModel);
    try {
      processor.shutdownAsync().get(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "processor " + processor.getName() + " did not stop within " + SHUTDOWN_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted stopping " + processor.getName(), e);
    }
    // Axon calls the read model's @ResetHandler (which empties it), then stores the tokens.
    processor.resetTokens(source -> source.createTailToken());
    Instant now = clock.instant();
    startedAt.put(readModel, now);
    lastSamples.put(readModel, new Sample(now, 0));
    unfinished.put(readModel, false);
    looked.add(readModel);
    processor.start();
    return progress(readModel);
  }

  /** Where {@code readModel}'s processor stands now. */
  public ReplayProgress progress(String readModel) {
    Standing standing = standing(readModel);
    Instant now = clock.instant();
    Sample previous = lastSamples.put(readModel, new Sample(now, standing.recordsRead()));
    double rate = 0;
    if (previous != null && now.isAfter(previous.at())) {
      double seconds = Duration.between(previous.at(), now).toMillis() / 1000.0;
      rate = Math.max(0, standing.recordsRead() - previous.recordsRead()) / seconds;
    }
    return new ReplayProgress(
        readModel,
        standing.processor().getName(),
        standing.processor().isRunning(),
        standing.replaying(),
        standing.caughtUp(),
        standing.caughtUp() && !unfinished.containsKey(readModel),
        standing.lag(),
        rate,
        standing.recordsRead(),
        startedAt.get(readModel));
  }

  /** The read models replayed since start-up whose replay is not finished yet. */
  Set<String> unfinished() {
    return Set.copyOf(unfinished.keySet());
  }

  /**
   * Counts as unfinished a replay of {@code readModel} that an earlier run started and a restart
   * interrupted: Axon resumes it from the replay token it stored, but this run's list of unfinished
   * replays began empty, so without this it would be finished as soon as it caught up, before its
   * after-replay steps (a list index still building) were done.
   *
   * @return whether {@code readModel} was taken on as an unfinished replay
   */
  boolean adoptInterrupted(String readModel) {
    if (looked.contains(readModel)) {
      return false;
    }
    Collection<EventTrackerStatus> statuses = processorOf(readModel).processingStatus().values();
    if (statuses.isEmpty()) {
      return false; // no segment claimed yet: its token is still unknown
    }
    // Asked once per read model and run: once its replay is over, a status that has not yet left
    // the replay must not take it on again.
    boolean replaying = statuses.stream().anyMatch(EventTrackerStatus::isReplaying);
    return looked.add(readModel) && replaying && unfinished.putIfAbsent(readModel, false) == null;
  }

  /** {@code readModel}'s replay has caught up once and its after-replay steps run. */
  void afterStepsStarted(String readModel) {
    unfinished.replace(readModel, true);
  }

  /** Whether {@code readModel}'s replay has caught up once and runs its after-replay steps. */
  boolean afterStepsRunning(String readModel) {
    return unfinished.getOrDefault(readModel, false);
  }

  /** Whether {@code readModel} has caught up; unlike {@link #progress}, no rate is sampled. */
  boolean caughtUp(String readModel) {
    return standing(readModel).caughtUp();
  }

  /** {@code readModel}'s last replay is over and its {@link AfterReplay} steps done. */
  void finished(String readModel) {
    unfinished.remove(readModel, true);
  }

  /** A processor's position against its topics' ends. */
  private record Standing(
      PooledStreamingEventProcessor processor,
      boolean replaying,
      boolean caughtUp,
      long lag,
      long recordsRead) {}

  private Standing standing(String readModel) {
    PooledStreamingEventProcessor processor = processorOf(readModel);
    Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
    Map<TopicPartition, Long> read = positions(statuses.values());
    Map<TopicPartition, Long> end = ends.of(topicsOf(readModel));

    boolean replaying = statuses.values().stream().anyMatch(EventTrackerStatus::isReplaying);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      long next = read.getOrDefault(partition.getKey(), -1L) + 1;
      lag += Math.max(0, partition.getValue() - next);
    }
    // Axon's caught-up flag turns true whenever the fetch buffer runs dry, also deep in a backlog,
    // so the offsets decide too. A transactional producer leaves a commit marker after its last
    // record, one offset per partition that no consumer ever reads as a record.
    boolean caughtUp =
        !statuses.isEmpty()
            && statuses.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
            && lag <= end.size();
    long recordsRead = read.values().stream().mapToLong(offset -> offset + 1).sum();
    return new Standing(processor, replaying, caughtUp, lag, recordsRead);
  }

  /**
   * The offset read up to in each partition by the whole group: the lowest over its segments, as
   * each segment reads every partition and keeps only its share.
   */
  private static Map<TopicPartition, Long> positions(Collection<EventTrackerStatus> statuses) {
    Map<TopicPartition, Long> lowest = new HashMap<>();
    boolean first = true;
    for (EventTrackerStatus status : statuses) {
      TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
      Map<TopicPartition, Long> positions =
          token instanceof KafkaTrackingToken kafka ? kafka.getPositions() : Map.of();
      if (first) {
        lowest.putAll(positions);
        first = false;
      } else {
        lowest.keySet().retainAll(positions.keySet());
        positions.forEach(
            (partition, offset) ->
                lowest.computeIfPresent(partition, (p, o) -> Math.min(o, offset)));
      }
    }
    return lowest;
  }

  private PooledStreamingEventProcessor processorOf(String readModel) {
    KafkaSourceProperties.Processor configured = configured(readModel);
    String name = configured.processorName(readModel);
    return processing
        .eventProcessor(name, PooledStreamingEventProcessor.class)
        .orElseThrow(
            () ->
                new IllegalStateException("read model " + readModel + " has no processor " + name));
  }

  private List<String> topicsOf(String readModel) {
    return KafkaEventProcessors.topicsOf(readModel, configured(readModel));
  }

  private KafkaSourceProperties.Processor configured(String readModel) {
    KafkaSourceProperties.Processor configured = properties.processors().get(readModel);
    if (configured == null || !configured.enabled()) {
      throw new UnknownReadModel(
          readModel,
          properties.processors().entrySet().stream()
              .filter(e -> e.getValue().enabled())
              .map(Map.Entry::getKey)
              .sorted()
              .toList());
    }
    return configured;
  }
}
