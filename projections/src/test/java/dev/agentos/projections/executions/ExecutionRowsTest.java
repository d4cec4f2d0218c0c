package dev.agentos.projections.executions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.readmodels.executions.Execution;
import dev.agentos.readmodels.executions.ExecutionRecord;
import dev.agentos.readmodels.executions.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * An execution's row from its lifecycle events: the same whatever order they are written in and
 * however often, its status read from which events are there, its environment names only, its
 * excerpts bounded.
 */
class ExecutionRowsTest {

  private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");
  private static final ExecutionWrite.Key E1 = new ExecutionWrite.Key("t1", "p1", "e1");

  private final ExecutionEvents events = new ExecutionEvents("t1", "p1");

  @Test
  void everyOrderOfTheLifecycleAndItsRedeliveriesReadsTheSame() {
    ExecutionRequested requested = events.requested("e1", "s1", T0);
    List<ExecutionWrite> writes =
        List.of(
            ExecutionRows.of(requested),
            ExecutionRows.of(events.started("e1", T0.plusMillis(250))),
            ExecutionRows.of(events.completed("e1", ExecutionOutcome.FAILED, 1, T0.plusSeconds(2))),
            // A redelivery: the same event again, the same write.
            ExecutionRows.of(requested));

    Set<Execution> answers = new HashSet<>();
    for (List<ExecutionWrite> order : permutations(writes)) {
      PartsInMemory table = new PartsInMemory();
      order.forEach(table::write);
      answers.add(table.execution(E1).orElseThrow().toExecution());
    }

    assertThat(answers).hasSize(1);
    Execution e = answers.iterator().next();
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.sessionId()).isEqualTo("session-1");
    assertThat(e.language()).isEqualTo("python");
    assertThat(e.runtime()).isEqualTo("python:3.12.4");
    assertThat(e.sandboxId()).isEqualTo("sandbox-e1");
    assertThat(e.suggestionId()).isEqualTo("s1");
    assertThat(List.of(e.requestedAt(), e.startedAt(), e.endedAt()))
        .containsExactly(T0, T0.plusMillis(250), T0.plusSeconds(2));
    assertThat(e.queuedMs()).isEqualTo(250);
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.stderrExcerpt()).isEqualTo("Traceback ...\n");
    assertThat(e.outputTruncated()).isFalse();
    assertThat(e.limits())
        .isEqualTo(new Execution.Limits(2_000, 256L << 20, 10_000, 1 << 20, false));
  }

  @Test
  void theStatusIsReadFromWhichEventsAreThereNotTheirOrder() {
    PartsInMemory table = new PartsInMemory();
    table.write(ExecutionRows.of(events.requested("e1", null, T0)));
    assertThat(status(table)).isEqualTo(ExecutionStatus.QUEUED);
    table.write(ExecutionRows.of(events.started("e1", T0.plusSeconds(1))));
    assertThat(status(table)).isEqualTo(ExecutionStatus.RUNNING);

    PartsInMemory completedFirst = new PartsInMemory();
    completedFirst.write(
        ExecutionRows.of(events.completed("e1", ExecutionOutcome.TIMED_OUT, null, T0)));
    Execution e = completedFirst.execution(E1).orElseThrow().toExecution();
    assertThat(e.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(e.timedOut()).isTrue();
    assertThat(e.startedAt()).as("not projected yet, or never started").isNull();
    assertThat(e.requestedAt()).isNull();
    assertThat(new PartsInMemory().execution(E1)).isEmpty();
  }

  @Test
  void aRedeliveredEventIsTheSameWriteAtTheSameTime() {
    ExecutionCompleted done = events.completed("e1", ExecutionOutcome.SUCCEEDED, 0, T0);

    assertThat(ExecutionRows.of(done)).isEqualTo(ExecutionRows.of(done));
  }

  @Test
  void ofTwoCompletionsTheLaterWinsInEitherOrder() {
    ExecutionWrite early =
        ExecutionRows.of(events.completed("e1", ExecutionOutcome.SANDBOX_ERROR, null, T0));
    ExecutionWrite late =
        ExecutionRows.of(events.completed("e1", ExecutionOutcome.SUCCEEDED, 0, T0.plusMillis(1)));

    for (List<ExecutionWrite> order : List.of(List.of(early, late), List.of(late, early))) {
      PartsInMemory table = new PartsInMemory();
      order.forEach(table::write);
      assertThat(status(table)).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }

  @Test
  void onlyTheEnvironmentsNamesAreKeptNeverItsValues() {
    ExecutionRequested requested = events.requested("e1", null, T0);
    requested.setEnvironment(java.util.Map.of("TOKEN", "s3cr3t-value", "API_URL", "https://x"));

    ExecutionWrite write = ExecutionRows.of(requested);

    ExecutionRecord.Requested part = ((ExecutionWrite.Requested) write).part();
    assertThat(part.environmentNames()).containsExactly("API_URL", "TOKEN");
    assertThat(write.toString()).doesNotContain("s3cr3t-value", "https://x");
  }

  @Test
  void anExcerptLongerThanTheBoundIsCutAndFlagged() {
    ExecutionCompleted flood = events.completed("e1", ExecutionOutcome.LIMIT_EXCEEDED, null, T0);
    flood.setStdoutExcerpt("x".repeat(Bounds.EXCERPT + 10));
    flood.setErrorMessage("m".repeat(Bounds.MESSAGE * 3));

    ExecutionRecord.Completed part = ((ExecutionWrite.Completed) ExecutionRows.of(flood)).part();

    assertThat(part.stdoutExcerpt()).hasSize(Bounds.EXCERPT);
    assertThat(part.outputTruncated()).isTrue();
    assertThat(part.errorMessage()).hasSize(Bounds.MESSAGE);
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(9) + "\uD83D\uDE00";

    assertThat(Bounds.cut(text, 10)).isEqualTo("a".repeat(9));
    assertThat(Bounds.cut(text, 11)).isEqualTo(text);
  }

  @Test
  void anEventNoWriteTimeCanOrderIsRefused() {
    ExecutionCompleted ancient = events.completed("e1", ExecutionOutcome.FAILED, 1, T0);
    ancient.getHeader().setOccurredAt(Instant.parse("1969-12-31T23:59:59Z"));

    assertThatThrownBy(() -> ExecutionRows.of(ancient))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ancient.getHeader().getEventId());
  }

  private static ExecutionStatus status(PartsInMemory table) {
    return table.execution(E1).orElseThrow().status();
  }

  static <T> List<List<T>> permutations(List<T> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<T>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<T> rest = new ArrayList<>(items);
      T first = rest.remove(i);
      for (List<T> tail : permutations(rest)) {
        List<T> order = new ArrayList<>(List.of(first));
        order.addAll(tail);
        all.add(order);
      }
    }
    return all;
  }

  static <T, R> Set<R> distinct(List<List<T>> orders, Function<List<T>, R> answer) {
    Set<R> answers = new HashSet<>();
    orders.forEach(order -> answers.add(answer.apply(order)));
    return answers;
  }
}
