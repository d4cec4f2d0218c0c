package dev.agentos.command.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

  @Test
  void aFenceIsFoundAmongCausesAndSuppressedExceptions() {
    KafkaException send = new KafkaException("send failed", new IllegalStateException("old epoch"));
    send.addSuppressed(new KafkaException("abort failed", new ProducerFencedException("fenced")));

    assertThat(EventPublisher.causedBy(send, ProducerFencedException.class)).isTrue();
    assertThat(EventPublisher.causedBy(null, ProducerFencedException.class)).isFalse();
  }

  @Test
  void aCycleOfCausesAndSuppressedExceptionsEndsTheSearch() {
    // What a fatal transaction error looked like: the abort's error is suppressed on the send's,
    // and the send's error is, in turn, the abort's cause.
    InvalidTxnStateException fatal = new InvalidTxnStateException("invalid state");
    KafkaException send = new KafkaException("send failed", fatal);
    KafkaException abort = new KafkaException("abort failed", send);
    send.addSuppressed(abort);
    fatal.addSuppressed(send);

    assertThat(EventPublisher.causedBy(send, ProducerFencedException.class)).isFalse();
    assertThat(EventPublisher.causedBy(abort, InvalidTxnStateException.class)).isTrue();
  }
}
