package dev.agentos.flink.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaJobIoTest {

  private static final KafkaSettings STREAMING =
      KafkaSettings.streaming("localhost:9092", "http://localhost:8081");

  @Test
  void aStreamingJobKeepsItsTransactionalIdsAcrossRuns() {
    assertThat(new KafkaJobIo("features", STREAMING).transactionalIdPrefix())
        .isEqualTo(new KafkaJobIo("features", STREAMING).transactionalIdPrefix())
        .isEqualTo("agentos-features");
  }

  @Test
  void eachReplayHasTransactionalIdsOfItsOwn() {
    String streaming = new KafkaJobIo("features", STREAMING).transactionalIdPrefix();
    String replay = new KafkaJobIo("features", STREAMING.boundedToEnd()).transactionalIdPrefix();
    String nextReplay =
        new KafkaJobIo("features", STREAMING.boundedToEnd()).transactionalIdPrefix();

    assertThat(replay).startsWith("agentos-features-replay-").isNotEqualTo(nextReplay);
    // Flink probes ids as prefix-subtask-checkpoint: no replay id may be a streaming job's.
    assertThat(replay + "-features-0-1").doesNotStartWith(streaming + "-features-");
  }
}
