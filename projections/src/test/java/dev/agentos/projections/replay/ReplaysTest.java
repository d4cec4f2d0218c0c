package dev.agentos.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.agentos.projections.source.KafkaSourceProperties;
import dev.agentos.projections.source.KafkaSourceProperties.DeadLetterPolicy;
import dev.agentos.projections.source.KafkaSourceProperties.Processor;
import dev.agentos.projections.source.KafkaSourceProperties.Processor.StartAt;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replay that a restart interrupted, as the run after the restart finds it. */
class ReplaysTest {

  private static final String READ_MODEL = "memory-cassandra";
  private static final TopicPartition PARTITION = new TopicPartition("agentos.memory", 0);

  private final PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
  private final EventTrackerStatus status = mock(EventTrackerStatus.class);
  private Replays replays;

  @BeforeEach
  void aProcessorThatHasReadToTheEnd() {
    EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    when(processing.eventProcessor(READ_MODEL, PooledStreamingEventProcessor.class))
        .thenReturn(Optional.of(processor));
    when(processor.getName()).thenReturn(READ_MODEL);
    when(status.isCaughtUp()).thenReturn(true);
    when(status.getTrackingToken())
        .thenReturn(KafkaTrackingToken.newInstance(Map.of(PARTITION, 9L)));
    TopicEnds ends = mock(TopicEnds.class);
    when(ends.of(anyCollection())).thenReturn(Map.of(PARTITION, 10L));
    KafkaSourceProperties properties =
        new KafkaSourceProperties(
            "127.0.0.1:9092",
            "http://127.0.0.1:8081",
            new DeadLetterPolicy(3, Duration.ofMillis(200)),
            Map.of(
                READ_MODEL,
                new Processor(null, List.of(PARTITION.topic()), 1, 100, StartAt.EARLIEST, true)));
    replays = new Replays(processing, properties, ends, Clock.systemUTC());
  }

  @Test
  void aResumedReplayIsUnfinishedUntilItsStepsAreDoneThoughCaughtUp() {
    when(processor.processingStatus()).thenReturn(Map.of(0, status));
    when(status.isReplaying()).thenReturn(true);

    assertThat(replays.adoptInterrupted(READ_MODEL)).isTrue();

    assertThat(replays.unfinished()).containsExactly(READ_MODEL);
    assertThat(replays.caughtUp(READ_MODEL)).isTrue();
    assertThat(replays.progress(READ_MODEL).finished()).isFalse();
    replays.afterStepsStarted(READ_MODEL);
    replays.finished(READ_MODEL);
    assertThat(replays.progress(READ_MODEL).finished()).isTrue();
  }

  @Test
  void aProcessorThatIsNotReplayingIsLookedAtOnceOnly() {
    when(processor.processingStatus()).thenReturn(Map.of(0, status));
    when(status.isReplaying()).thenReturn(false, true);

    assertThat(replays.adoptInterrupted(READ_MODEL)).isFalse();
    assertThat(replays.adoptInterrupted(READ_MODEL))
        .as("a status still in a replay this run finished is not taken on again")
        .isFalse();
    assertThat(replays.unfinished()).isEmpty();
    assertThat(replays.progress(READ_MODEL).finished()).isTrue();
  }

  @Test
  void aProcessorWithoutClaimedSegmentsIsAskedAgainLater() {
    when(processor.processingStatus()).thenReturn(Map.of(), Map.of(0, status));
    when(status.isReplaying()).thenReturn(true);

    assertThat(replays.adoptInterrupted(READ_MODEL)).isFalse();
    assertThat(replays.adoptInterrupted(READ_MODEL)).isTrue();
    assertThat(replays.unfinished()).containsExactly(READ_MODEL);
  }
}
