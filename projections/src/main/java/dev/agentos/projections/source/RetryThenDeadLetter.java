package dev.agentos.projections.source;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;

/**
 * A handler that throws is tried again, {@code attempts} times in all with a doubling pause; if it
 * still fails, the record goes to the dead-letter topic with the last exception as the reason and
 * the processing group moves on. An {@link UnprocessableRecordException} is set aside at the first
 * failure: no retry can change its answer. A message that did not come from Kafka has nothing to
 * set aside, so its failure is rethrown (the processor then retries the batch).
 */
public class RetryThenDeadLetter implements ListenerInvocationErrorHandler {

  private final String stage;
  private final int attempts;
  private final Duration firstPause;
  private final DeadLetterSink sink;
  private final Clock clock;

  public RetryThenDeadLetter(
      String stage, int attempts, Duration firstPause, DeadLetterSink sink, Clock clock) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    this.stage = stage;
    this.attempts = attempts;
    this.firstPause = firstPause;
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void onError(Exception failure, EventMessage<?> event, EventMessageHandler handler)
      throws Exception {
    KafkaRecordOrigin origin = KafkaRecordOrigin.of(event);
    if (origin == null) {
      throw failure;
    }
    Exception last = failure;
    Duration pause = firstPause;
    int made = 1;
    for (int attempt = 2;
        attempt <= attempts && !(last instanceof UnprocessableRecordException);
        attempt++) {
      made = attempt;
      Thread.sleep(pause.toMillis());
      pause = pause.multipliedBy(2);
      try {
        handler.handle(event);
        return;
      } catch (Exception again) {
        last = again;
      }
    }
    String reason =
        handler.getTargetType().getSimpleName()
            + " failed on "
            + event.getPayloadType().getSimpleName()
            + " "
            + event.getIdentifier()
            + ": "
            + last;
    sink.send(
        DeadLetters.of(
            origin,
            stage,
            reason,
            last.getClass().getName(),
            made,
            event.getPayload(),
            clock.instant()));
  }
}
