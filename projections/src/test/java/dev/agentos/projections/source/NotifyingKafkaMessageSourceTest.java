package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaMessageStream;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * The processor is told as soon as a stream's buffer receives records, so it need not poll. The
 * "axon-kafka source" here opens axon-kafka's real stream on the buffer it is handed, without a
 * consumer; KafkaEventSourceIT runs the whole source against Kafka.
 */
class NotifyingKafkaMessageSourceTest {

  private Buffer<KafkaEventMessage> opened;
  private Supplier<Buffer<KafkaEventMessage>> buffers;

  private NotifyingKafkaMessageSource source(int capacity) {
    return new NotifyingKafkaMessageSource(
        factory -> {
          buffers = factory;
          return (StreamableMessageSource<TrackedEventMessage<?>>)
              token -> {
                opened = factory.get();
                return new KafkaMessageStream(opened, () -> true);
              };
        },
        capacity);
  }

  @Test
  void aPollsRecordsWakeTheReaderOnceAllAreIn() throws Exception {
    BlockingStream<TrackedEventMessage<?>> stream = source(10).openStream(null);
    AtomicInteger wakeUps = new AtomicInteger();

    assertThat(stream.setOnAvailableCallback(wakeUps::incrementAndGet)).isTrue();
    assertThat(stream.hasNextAvailable()).isFalse();
    opened.putAll(List.of(message(0), message(1)));

    assertThat(wakeUps).hasValue(1);
    assertThat(stream.nextAvailable().getPayload()).isEqualTo("m0");
    assertThat(stream.nextAvailable().getPayload()).isEqualTo("m1");
  }

  @Test
  void aFetcherFailureWakesTheReaderWhichThenGetsIt() {
    BlockingStream<TrackedEventMessage<?>> stream = source(10).openStream(null);
    AtomicInteger wakeUps = new AtomicInteger();
    stream.setOnAvailableCallback(wakeUps::incrementAndGet);

    opened.setException(new IllegalStateException("broker gone"));

    assertThat(wakeUps).hasValue(1);
    assertThatThrownBy(stream::hasNextAvailable).hasMessage("broker gone");
  }

  @Test
  void aFullBufferWakesTheReaderBeforeTheFetcherWaitsForRoom() throws Exception {
    BlockingStream<TrackedEventMessage<?>> stream = source(1).openStream(null);
    CountDownLatch woken = new CountDownLatch(1);
    stream.setOnAvailableCallback(woken::countDown);

    CompletableFuture<Void> fetcher =
        CompletableFuture.runAsync(
            () -> {
              try {
                opened.putAll(List.of(message(0), message(1)));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(woken.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(fetcher).isNotDone();
    assertThat(stream.nextAvailable().getPayload()).isEqualTo("m0");
    fetcher.get(5, TimeUnit.SECONDS);
    assertThat(stream.nextAvailable().getPayload()).isEqualTo("m1");
  }

  @Test
  void eachStreamGetsABufferOfItsOwn() {
    NotifyingKafkaMessageSource source = source(10);
    source.openStream(null);
    Buffer<KafkaEventMessage> first = opened;
    source.openStream(null);

    assertThat(opened).isNotSameAs(first).isInstanceOf(PollOrderBuffer.class);
  }

  @Test
  void aBufferAskedForOutsideOpenStreamIsRefusedWithTheReason() {
    source(10);

    assertThatThrownBy(buffers::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside openStream");
  }

  private static KafkaEventMessage message(long offset) {
    TopicPartition partition = new TopicPartition("agentos.memory.v1", 0);
    KafkaTrackingToken token = KafkaTrackingToken.newInstance(Map.of(partition, offset));
    TrackedEventMessage<?> event =
        new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("m" + offset));
    return new KafkaEventMessage(event, 0, offset, 0L);
  }
}
