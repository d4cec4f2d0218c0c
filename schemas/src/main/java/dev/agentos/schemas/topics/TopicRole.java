package dev.agentos.schemas.topics;

/**
 * Where a topic sits in the pipeline. RAW topics hold what agents sent, possibly duplicated; the
 * dedup stage writes each event once to the CANONICAL topic carrying the same events. DERIVED
 * topics hold what Flink jobs compute; DEAD_LETTER holds records no stage could process.
 */
public enum TopicRole {
  RAW,
  CANONICAL,
  DERIVED,
  DEAD_LETTER
}
