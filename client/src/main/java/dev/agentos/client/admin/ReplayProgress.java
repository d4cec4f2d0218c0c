package dev.agentos.client.admin;

import java.time.Instant;

/**
 * Where a read model's processor stands ({@code /admin/replay/{readModel}} on the projections).
 *
 * @param finished caught up and the read model's after-replay steps done (e.g. list indexes built);
 *     null from a projections that does not report it
 * @param lag records behind the ends of its topics
 */
public record ReplayProgress(
    String readModel,
    String processor,
    boolean running,
    boolean replaying,
    boolean caughtUp,
    Boolean finished,
    long lag,
    double recordsPerSecond,
    long recordsRead,
    Instant replayStartedAt) {

  /** Finished, or caught up for a projections from before after-replay steps were reported. */
  public boolean isDone() {
    return finished != null ? finished : caughtUp;
  }
}
