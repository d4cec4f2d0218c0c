package dev.agentos.projections.replay;

/**
 * What a read model does once a replay of it has read to the end of its topics: typically to put
 * back a setting or an index its rebuild relaxed for speed. A bean of this type is found by {@link
 * ReplayFinisher}; a failure is logged and tried again at the next check. The replay is finished,
 * for the progress endpoint, {@code ./agentos replay} and {@code bench replay}, only once every
 * step of its read model says it is done.
 */
public interface AfterReplay {

  /** The read model (processing group) whose replays this follows. */
  String readModel();

  /**
   * Runs after every record there was when the replay caught up has been applied, and again at
   * every check until it returns true, so it must be harmless to repeat; a step that waits for
   * something (an index to build) says whether it has come, rather than block the checks of other
   * read models.
   *
   * @return whether this step is done
   */
  boolean caughtUp();
}
