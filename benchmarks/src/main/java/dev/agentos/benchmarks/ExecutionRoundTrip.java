package dev.agentos.benchmarks;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.command.RequestExecution;
import dev.agentos.client.query.Execution;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The executor end to end on the running stack: from {@code POST /v1/executions}'s answer until the
 * outcome is readable from {@code GET /v1/executions/{id}} (queue, sandbox, the command side's
 * record, Kafka, the read model), one hello world at a time; then a burst of them at once, for the
 * executions per second the executor's slots sustain. {@link SandboxBenchmark} measured the same
 * program in the sandbox alone in this process, the baseline: the difference is the pipeline's.
 */
final class ExecutionRoundTrip {

  private static final long POLL_MILLIS = 10;
  private static final int WARM_UP = 3;

  private final AgentOsClient agent;
  private final PrintStream out;

  ExecutionRoundTrip(AgentOsClient agent, PrintStream out) {
    this.agent = agent;
    this.out = out;
  }

  void run(int runs, int burst) throws Exception {
    Histogram latency = new Histogram(3);
    for (int i = -WARM_UP; i < runs; i++) {
      String id = request();
      long accepted = System.nanoTime();
      awaitEnded(id);
      if (i >= 0) {
        latency.recordValue((System.nanoTime() - accepted) / 1_000);
      }
    }
    out.printf(
        Locale.ROOT,
        "end to end, python hello world, %d one at a time: POST answered → outcome readable p50"
            + " %.1f ms p99 %.1f ms%n",
        runs,
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0);

    long started = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      ids.add(request());
    }
    for (String id : ids) {
      awaitEnded(id);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "end to end, %d requested at once: all readable after %.1f s, %.1f executions/s%n",
        burst,
        seconds,
        burst / seconds);
  }

  private String request() {
    return agent
        .commands()
        .requestExecution(RequestExecution.code("python", "print('hello')\n", null))
        .id();
  }

  private void awaitEnded(String id) throws InterruptedException {
    while (true) {
      try {
        Execution execution = agent.queries().execution(id);
        if (execution.ended()) {
          if (!execution.status().equals("SUCCEEDED")) {
            throw new IllegalStateException("execution " + id + " ended " + execution.status());
          }
          return;
        }
      } catch (AgentOsApiException e) {
        if (e.status() != 404) { // 404: the read model has not seen it yet
          throw e;
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
