package dev.agentos.executor.service;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.executor.output.OutputHub;
import dev.agentos.executor.service.ExecutorProblems.RunNotHereException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Streams a run's output while it runs, as Server-Sent Events, ending with its outcome. */
@RestController
@Tag(name = "output", description = "Follow a run's output live (EXECUTIONS_RUN scope)")
public class OutputController {

  private final OutputHub hub;
  private final ExecutorService senders;

  public OutputController(OutputHub hub) {
    this.hub = hub;
    AtomicInteger threads = new AtomicInteger();
    this.senders =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "sse-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @GetMapping(value = "/v1/executions/{id}/output", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @RequiresScope(ApiKeyScope.EXECUTIONS_RUN)
  @Operation(
      summary = "Follow a run's stdout and stderr as they come, then its outcome",
      description =
          "Server-Sent Events: what the run wrote before the call, then the rest as it comes, as"
              + " events named stdout and stderr (UTF-8 text, cut at the run's output limit), and a"
              + " last event named end with the outcome, exit code, reason and measures; then the"
              + " stream closes. A run waiting in the queue, or one that ended long ago, is not"
              + " here (404): the query API's GET /v1/executions/{id} has its state and outcome.")
  public SseEmitter follow(@PathVariable("id") String executionId, Caller caller) {
    String project = caller.readsAnyProject() ? null : caller.projectId();
    SseFollower stream = new SseFollower();
    Runnable unfollow =
        hub.follow(caller.tenantId(), project, executionId, stream)
            .orElseThrow(() -> new RunNotHereException(executionId));
    stream.onClose(unfollow);
    senders.execute(stream::send);
    return stream.emitter();
  }
}
