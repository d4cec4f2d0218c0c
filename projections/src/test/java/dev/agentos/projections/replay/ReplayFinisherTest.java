package dev.agentos.projections.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class ReplayFinisherTest {

  private final Replays replays = mock(Replays.class);

  /** A step that is done from its {@code doneAt}-th call on, counting its calls. */
  private static final class Step implements AfterReplay {
    final String readModel;
    final int doneAt;
    final AtomicInteger calls = new AtomicInteger();

    Step(String readModel, int doneAt) {
      this.readModel = readModel;
      this.doneAt = doneAt;
    }

    @Override
    public String readModel() {
      return readModel;
    }

    @Override
    public boolean caughtUp() {
      return calls.incrementAndGet() >= doneAt;
    }
  }

  @Test
  void aReplayIsFinishedOnlyOnceEveryStepOfItsReadModelIsDone() {
    Step quick = new Step("memory-cassandra", 1);
    Step slow = new Step("memory-cassandra", 3);
    Step other = new Step("memory-search", 1);
    when(replays.unfinished()).thenReturn(Set.of("memory-cassandra"));
    when(replays.caughtUp("memory-cassandra")).thenReturn(true);

    try (ReplayFinisher finisher = new ReplayFinisher(replays, List.of(quick, slow, other))) {
      finisher.finishCaughtUp();
      finisher.finishCaughtUp();
      verify(replays, never()).finished("memory-cassandra");

      finisher.finishCaughtUp();
      verify(replays).finished("memory-cassandra");
    }
    assertThat(slow.calls).hasValue(3);
    assertThat(quick.calls).as("a done step is harmless to repeat").hasValue(3);
    assertThat(other.calls).as("another read model's step").hasValue(0);
  }

  @Test
  void noStepRunsBeforeTheReplayHasCaughtUp() {
    Step step = new Step("memory-cassandra", 1);
    when(replays.unfinished()).thenReturn(Set.of("memory-cassandra"));
    when(replays.caughtUp("memory-cassandra")).thenReturn(false);

    try (ReplayFinisher finisher = new ReplayFinisher(replays, List.of(step))) {
      finisher.finishCaughtUp();
    }
    assertThat(step.calls).hasValue(0);
    verify(replays, never()).afterStepsStarted("memory-cassandra");
    verify(replays, never()).finished("memory-cassandra");
  }

  @Test
  void stepsOnceStartedGoOnWhileLiveRecordsPutTheProcessorBehindAgain() {
    Step step = new Step("memory-cassandra", 2);
    when(replays.unfinished()).thenReturn(Set.of("memory-cassandra"));
    when(replays.caughtUp("memory-cassandra")).thenReturn(true, false);
    when(replays.afterStepsRunning("memory-cassandra")).thenReturn(false, true);

    try (ReplayFinisher finisher = new ReplayFinisher(replays, List.of(step))) {
      finisher.finishCaughtUp();
      finisher.finishCaughtUp();
    }
    verify(replays).caughtUp("memory-cassandra");
    verify(replays).finished("memory-cassandra");
  }

  @Test
  void aReplayARestartInterruptedIsLookedForBeforeTheUnfinishedOnesAreChecked() {
    Step step = new Step("memory-cassandra", 1);
    when(replays.unfinished()).thenReturn(Set.of("memory-cassandra"));
    when(replays.caughtUp("memory-cassandra")).thenReturn(true);

    try (ReplayFinisher finisher = new ReplayFinisher(replays, List.of(step))) {
      finisher.finishCaughtUp();
    }
    InOrder order = inOrder(replays);
    order.verify(replays).adoptInterrupted("memory-cassandra");
    order.verify(replays).unfinished();
    verify(replays, never()).adoptInterrupted("memory-search");
  }
}
