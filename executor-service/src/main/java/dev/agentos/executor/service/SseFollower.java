package dev.agentos.executor.service;

import dev.agentos.executor.output.OutputHub;
import dev.agentos.executor.run.RunEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One follower of a run over Server-Sent Events. The hub hands it chunks on the sandbox's reading
 * threads, which must not wait on a slow client: they go into a bounded queue that a sender thread
 * of its own writes out. A client that falls more than {@value #QUEUED} chunks behind is told so
 * and dropped, and the program runs on.
 */
final class SseFollower implements OutputHub.Follower {

  static final int QUEUED = 1024;

  /** Until the run ends, or the client goes. */
  private static final long NO_TIMEOUT = 0L;

  private final SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
  private final BlockingQueue<Outgoing> events = new ArrayBlockingQueue<>(QUEUED);

  SseEmitter emitter() {
    return emitter;
  }

  void onClose(Runnable unfollow) {
    emitter.onCompletion(unfollow);
    emitter.onTimeout(unfollow);
    emitter.onError(error -> unfollow.run());
  }

  @Override
  public void chunk(OutputHub.Chunk chunk) {
    String text = new String(chunk.bytes(), StandardCharsets.UTF_8);
    offer(
        new Outgoing(
            SseEmitter.event().name(chunk.channel().name().toLowerCase()).data(text), false));
  }

  @Override
  public void end(RunEnd end) {
    offer(new Outgoing(SseEmitter.event().name("end").data(end), true));
  }

  private void offer(Outgoing event) {
    if (!events.offer(event)) {
      events.clear();
      events.offer(
          new Outgoing(
              SseEmitter.event()
                  .name("dropped")
                  .data("this client fell behind the run's output; the query API has the outcome"),
              true));
    }
  }

  /** Writes the events out until the end has been written, or the client went. */
  void send() {
    try {
      while (true) {
        Outgoing event = events.take();
        emitter.send(event.event());
        if (event.last()) {
          emitter.complete();
          return;
        }
      }
    } catch (IOException | IllegalStateException e) {
      emitter.completeWithError(e); // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emitter.complete();
    }
  }

  /** An event to write; the last one closes the stream. */
  private record Outgoing(SseEmitter.SseEventBuilder event, boolean last) {}
}
