package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.memory.MemoryStored;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class RetryThenDeadLetterTest {

  private static final KafkaRecordOrigin ORIGIN =
      new KafkaRecordOrigin(
          "agentos.memory.v1",
          3,
          42,
          "memory-1",
          new byte[] {0, 1, 2},
          Map.of("h", new byte[] {9}));

  private final List<RecordDeadLettered> letters = new ArrayList<>();
  private final RetryThenDeadLetter errors =
      new RetryThenDeadLetter(
          "memory-cassandra",
          3,
          Duration.ofMillis(1),
          letters::add,
          Clock.fixed(SourceFixtures.AT, ZoneOffset.UTC));

  @Test
  void aHandlerThatRecoversWithinTheAttemptsDeadLettersNothing() throws Exception {
    FailingHandler handler = new FailingHandler(2);
    EventMessage<?> event = fromKafka();

    errors.onError(new IllegalStateException("first"), event, handler);

    assertThat(handler.calls.get()).isEqualTo(3); // the first call failed before onError
    assertThat(letters).isEmpty();
  }

  @Test
  void aHandlerThatKeepsFailingSendsTheRecordWholeWithTheLastReason() throws Exception {
    FailingHandler handler = new FailingHandler(Integer.MAX_VALUE);

    errors.onError(new IllegalStateException("first"), fromKafka(), handler);

    assertThat(handler.calls.get()).as("attempts in all").isEqualTo(3);
    assertThat(letters).hasSize(1);
    RecordDeadLettered letter = letters.get(0);
    assertThat(letter.getStage()).isEqualTo("memory-cassandra");
    assertThat(letter.getAttempts()).isEqualTo(3);
    assertThat(letter.getReason()).contains("MemoryStored", "event-1", "failure 3");
    assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.getSourceTopic()).isEqualTo("agentos.memory.v1");
    assertThat(letter.getSourcePartition()).isEqualTo(3);
    assertThat(letter.getSourceOffset()).isEqualTo(42);
    assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2}));
    assertThat(letter.getKafkaHeaders()).containsEntry("h", ByteBuffer.wrap(new byte[] {9}));
    assertThat(letter.getHeader().getTenantId()).isEqualTo("tenant-t");
    assertThat(letter.getHeader().getSource()).isEqualTo("memory-cassandra");
  }

  @Test
  void anUnprocessableRecordIsSetAsideAtOnceWithoutRetries() throws Exception {
    FailingHandler handler = new FailingHandler(Integer.MAX_VALUE);

    errors.onError(new UnprocessableRecordException("no sequence header"), fromKafka(), handler);

    assertThat(handler.calls.get()).as("only the call before onError").isEqualTo(1);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).getAttempts()).isEqualTo(1);
    assertThat(letters.get(0).getReason()).contains("no sequence header");
    assertThat(letters.get(0).getErrorClass())
        .isEqualTo(UnprocessableRecordException.class.getName());
  }

  @Test
  void theSameRecordSetAsideTwiceMakesTheSameDeadLetterId() throws Exception {
    errors.onError(new IllegalStateException("x"), fromKafka(), new FailingHandler(99));
    errors.onError(new IllegalStateException("x"), fromKafka(), new FailingHandler(99));

    assertThat(letters.get(0).getHeader().getEventId())
        .isEqualTo(letters.get(1).getHeader().getEventId());
  }

  @Test
  void aFailureOfAMessageFromElsewhereIsRethrown() {
    EventMessage<?> notFromKafka =
        GenericEventMessage.asEventMessage(
            SourceFixtures.memoryStored("event-2", "memory-2", "text"));
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(() -> errors.onError(failure, notFromKafka, new FailingHandler(99)))
        .isSameAs(failure);
    assertThat(letters).isEmpty();
  }

  private static EventMessage<?> fromKafka() {
    MemoryStored stored = SourceFixtures.memoryStored("event-1", "memory-1", "text");
    return new GenericEventMessage<>(
        "event-1",
        stored,
        MetaData.with(KafkaRecordOrigin.METADATA_KEY, ORIGIN),
        SourceFixtures.AT);
  }

  /** Fails its first {@code failures} calls, counting the one that came before onError. */
  private static final class FailingHandler implements EventMessageHandler {
    private final int failures;
    private final AtomicInteger calls = new AtomicInteger(1);

    FailingHandler(int failures) {
      this.failures = failures;
    }

    @Override
    public Object handle(EventMessage<?> event) {
      int call = calls.incrementAndGet();
      if (call <= failures) {
        throw new IllegalStateException("failure " + call);
      }
      return null;
    }

    @Override
    public Class<?> getTargetType() {
      return FailingHandler.class;
    }
  }
}
