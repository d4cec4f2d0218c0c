package dev.agentos.benchmarks.learning;

import dev.agentos.client.AgentOsClient;
import dev.agentos.client.query.Pattern;
import dev.agentos.client.query.PatternList;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * From a failure accepted by the command side to its new error pattern readable over HTTP, through
 * the live stack: ingest, publisher, the error-patterns job (a new pattern is reported on its first
 * match, committed with the next checkpoint), the patterns read model, the query side. Each probe
 * is a failed tool call whose error type no one has seen before, so it makes a NEW pattern; the
 * probes go one at a time, so each measures an idle pipeline's path rather than a queue.
 */
final class PatternLatency {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(10);

  private final AgentOsClient agent;
  private final PrintStream out;
  private final Random random = new Random();

  /**
   * @param agent a key with EVENTS_WRITE and QUERY_READ: the probes land in its project
   */
  PatternLatency(AgentOsClient agent, PrintStream out) {
    this.agent = agent;
    this.out = out;
  }

  /** Runs {@code probes} probes, prints the distribution and returns it (microseconds). */
  Histogram run(int probes) throws InterruptedException {
    Histogram latencies = new Histogram(3);
    int missed = 0;
    for (int i = 0; i < probes; i++) {
      long micros = probe();
      if (micros < 0) {
        missed++;
      } else {
        latencies.recordValue(micros);
      }
      out.printf(Locale.ROOT, "\r  probe %d of %d", i + 1, probes);
    }
    out.printf(
        Locale.ROOT,
        "%nfailure accepted → new pattern readable over HTTP: p50 %.0f ms, p99 %.0f ms, max %.0f ms"
            + " (%d probes%s)%n",
        latencies.getValueAtPercentile(50) / 1000.0,
        latencies.getValueAtPercentile(99) / 1000.0,
        latencies.getMaxValue() / 1000.0,
        latencies.getTotalCount(),
        missed == 0 ? "" : ", " + missed + " never readable within " + GIVE_UP.toSeconds() + " s");
    return latencies;
  }

  /** Microseconds from the ingest's answer to the pattern read back; -1 if it never was. */
  private long probe() throws InterruptedException {
    String errorType = "BenchProbe" + letters(10) + "Error";
    Instant at = Instant.now();
    agent.commands().ingest(List.of(failedToolCall(errorType, at)));
    long accepted = System.nanoTime();
    long deadline = accepted + GIVE_UP.toNanos();
    PatternList list = PatternList.errors().since(at.minusSeconds(1)).withLimit(200);
    while (System.nanoTime() < deadline) {
      for (Pattern pattern : agent.queries().patterns(list).items()) {
        if (errorType.equals(pattern.errorType())) {
          return (System.nanoTime() - accepted) / 1_000;
        }
      }
      Thread.sleep(POLL.toMillis());
    }
    return -1;
  }

  /** A failed test run as an agent reports it (raw ingest's JSON, docs/api/ingest.md). */
  private Map<String, Object> failedToolCall(String errorType, Instant at) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "ToolCallRecorded");
    event.put("eventId", UUID.randomUUID().toString());
    event.put("occurredAt", at.toString());
    event.put("sessionId", "bench-pattern-latency");
    event.put("toolCallId", "call-" + UUID.randomUUID());
    event.put("toolName", "run_tests");
    event.put("argumentsJson", "{\"command\":\"pytest -q\"}");
    event.put("status", "FAILED");
    event.put(
        "errorMessage",
        """
        Traceback (most recent call last):
          File "/workspace/app/probe.py", line 3, in <module>
            check()
        %s: the probe failed
        """
            .formatted(errorType));
    event.put("durationMs", 1200);
    return event;
  }

  /** g to z only: the fingerprint keeps them, where it strips digits and what looks like hex. */
  private String letters(int count) {
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < count; i++) {
      letters.append((char) ('g' + random.nextInt(20)));
    }
    return letters.toString();
  }
}
