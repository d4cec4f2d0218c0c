package dev.agentos.projections.replay;

/**
 * What a read model does once a replay of it has read to the end of its topics: typically to put
 * back a setting its rebuild relaxed for speed. A bean of this type is found by {@link
 * ReplayFinisher}; a failure is logged and tried again at the next check.
 */
public interface AfterReplay {

  /** The read model (processing group) whose replays this follows. */
  String readModel();

  /** Runs once per replay, after every record there was when it caught up has been applied. */
  void caughtUp();
}
