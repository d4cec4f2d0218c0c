package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

  private static final TopicPartition EXECUTIONS_0 = new TopicPartition("executions", 0);
  private static final TopicPartition EXECUTIONS_1 = new TopicPartition("executions", 1);
  private static final TopicPartition METRICS_0 = new TopicPartition("metrics", 0);

  @Test
  void sumsWhatEachCommittedPartitionIsBehindItsEnd() {
    assertThat(
            ConsumerLag.of(
                Map.of(EXECUTIONS_0, 10L, EXECUTIONS_1, 40L, METRICS_0, 0L),
                Map.of(EXECUTIONS_0, 15L, EXECUTIONS_1, 40L, METRICS_0, 7L),
                Set.of()))
        .hasValue(12);
  }

  @Test
  void aGroupThatCommittedNothingHasNoLagYet() {
    assertThat(ConsumerLag.of(Map.of(), Map.of(EXECUTIONS_0, 15L), Set.of())).isEmpty();
  }

  @Test
  void aCaughtUpGroupIsZeroEvenWhenItsOffsetIsPastTheCommittedEnd() {
    // A read_committed end stops before an open transaction; offsets never count as negative lag.
    assertThat(ConsumerLag.of(Map.of(EXECUTIONS_0, 20L), Map.of(EXECUTIONS_0, 18L), Set.of()))
        .hasValue(0);
  }

  @Test
  void aPartitionWithoutAnEndIsLeftOut() {
    assertThat(
            ConsumerLag.of(
                Map.of(EXECUTIONS_0, 10L, METRICS_0, 3L), Map.of(EXECUTIONS_0, 11L), Set.of()))
        .hasValue(1);
  }

  /** The offset after a transaction's last record is its marker: no record is left there. */
  @Test
  void aPartitionWithOnlyMarkersLeftIsCaughtUp() {
    assertThat(
            ConsumerLag.of(
                Map.of(EXECUTIONS_0, 10L, EXECUTIONS_1, 5L),
                Map.of(EXECUTIONS_0, 11L, EXECUTIONS_1, 9L),
                Set.of(EXECUTIONS_0)))
        .hasValue(4);
  }
}
