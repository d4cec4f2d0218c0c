package dev.agentos.projections.replay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks every {@link #EVERY} at the replays started since start-up, or resumed after a restart,
 * and, once one has caught up, runs its read model's {@link AfterReplay} steps. Nobody has to poll
 * the progress endpoint for a replay to be finished.
 */
final class ReplayFinisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReplayFinisher.class);
  // Often enough that a step's wait (an index build of a few seconds) is not rounded up by much;
  // a check is two Kafka admin requests while a replay is unfinished, none otherwise.
  static final Duration EVERY = Duration.ofMillis(250);

  private final Replays replays;
  private final List<AfterReplay> steps;
  private final List<String> readModelsWithSteps;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "replay-finisher");
            thread.setDaemon(true);
            return thread;
          });

  ReplayFinisher(Replays replays, List<AfterReplay> steps) {
    this.replays = replays;
    this.steps = List.copyOf(steps);
    this.readModelsWithSteps = steps.stream().map(AfterReplay::readModel).distinct().toList();
    timer.scheduleWithFixedDelay(
        this::finishCaughtUp, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the steps of each replay that has caught up, and finishes it once they are all done. One
   * whose step fails or is not done yet stays unfinished and all its steps run again at the next
   * check, so a step must be harmless to repeat. Once caught up, a replay stays so for its steps:
   * live records arriving meanwhile do not hold them back.
   */
  void finishCaughtUp() {
    adoptInterruptedReplays();
    for (String readModel : replays.unfinished()) {
      try {
        if (replays.afterStepsRunning(readModel) || replays.caughtUp(readModel)) {
          replays.afterStepsStarted(readModel);
          if (stepsDone(readModel)) {
            replays.finished(readModel);
            log.info("the replay of {} has caught up; its after-replay steps are done", readModel);
          }
        }
      } catch (RuntimeException e) {
        log.warn("could not check or finish the replay of {}; trying again", readModel, e);
      }
    }
  }

  /**
   * A replay a restart interrupted goes on from its stored token without anyone asking this run; it
   * is found by its processor's replay status once the processor has claimed its segments.
   */
  private void adoptInterruptedReplays() {
    for (String readModel : readModelsWithSteps) {
      try {
        if (replays.adoptInterrupted(readModel)) {
          log.info(
              "{} resumes a replay an earlier run started (its stored token is in one); it"
                  + " finishes once caught up and its after-replay steps are done",
              readModel);
        }
      } catch (RuntimeException e) {
        log.warn("could not tell whether {} resumes an interrupted replay", readModel, e);
      }
    }
  }

  private boolean stepsDone(String readModel) {
    boolean done = true;
    for (AfterReplay step : steps) {
      if (step.readModel().equals(readModel)) {
        done &= step.caughtUp();
      }
    }
    return done;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
