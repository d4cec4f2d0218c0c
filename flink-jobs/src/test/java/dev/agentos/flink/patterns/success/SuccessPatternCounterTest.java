package dev.agentos.flink.patterns.success;

import static dev.agentos.flink.patterns.success.SuccessSamples.HOUR;
import static dev.agentos.flink.patterns.success.SuccessSamples.T0;
import static dev.agentos.flink.patterns.success.SuccessSamples.attempt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuccessPatternCounterTest {

  /** Reported from three tries on, forgotten three days after its last. */
  private static final SuccessPatternSettings SETTINGS = ToolSequencesTest.SETTINGS;

  private static final long DAY = Duration.ofDays(1).toMillis();

  private KeyedOneInputStreamOperatorTestHarness<String, SignatureTry, PatternDetected> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void reportsASignatureNewWhenItsSupportReachesTheMinimum() throws Exception {
    send(attempt("s1", "python", true, T0 + 1));
    send(attempt("s2", "python", false, T0 + 2));
    harness.processWatermark(T0 + 2);
    assertThat(harness.extractOutputValues()).isEmpty();

    send(attempt("s3", "python", true, T0 + 3));
    harness.processWatermark(T0 + 3);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getKind()).isEqualTo(PatternKind.SUCCESS);
              assertThat(p.getStatus()).isEqualTo(PatternStatus.NEW);
              assertThat(p.getPatternId()).isEqualTo("p-1");
              assertThat(p.getSignature()).isEqualTo("kind:UNIFIED_DIFF:file");
              assertThat(p.getLanguage()).isEqualTo("python");
              assertThat(p.getSupport()).isEqualTo(3);
              assertThat(p.getOccurrences()).isEqualTo(2);
              assertThat(p.getSuccessRate()).isEqualTo(2.0 / 3);
              assertThat(p.getRecentOccurrences()).isEqualTo(2);
              assertThat(p.getAgentsAffected()).isEqualTo(2);
              assertThat(p.getSessionsAffected()).isEqualTo(2);
              assertThat(p.getFirstSeenAt().toEpochMilli()).isEqualTo(T0 + 1);
              assertThat(p.getLastSeenAt().toEpochMilli()).isEqualTo(T0 + 3);
              assertThat(p.getHeader().getSource()).isEqualTo("flink:success-patterns");
              assertThat(p.getExamples())
                  .extracting(e -> e.getEventId())
                  .containsExactly("proposal-s1", "proposal-s3");
            });
  }

  @Test
  void thenReportsItAtTheEndOfEachHourInWhichItChanged() throws Exception {
    for (int i = 1; i <= 5; i++) {
      send(attempt("s" + i, "python", i % 2 == 1, T0 + i));
    }
    harness.processWatermark(T0 + HOUR - 2);
    assertThat(harness.extractOutputValues()).hasSize(1); // NEW at the third

    harness.processWatermark(T0 + HOUR - 1);
    harness.processWatermark(T0 + 3 * HOUR); // a quiet hour, and another: nothing to say
    send(attempt("s6", "python", true, T0 + 3 * HOUR + 5));
    harness.processWatermark(T0 + 5 * HOUR);

    assertThat(harness.extractOutputValues())
        .extracting(
            PatternDetected::getStatus,
            PatternDetected::getSupport,
            PatternDetected::getOccurrences,
            PatternDetected::getSuccessRate,
            PatternDetected::getRecentOccurrences)
        .containsExactly(
            tuple(PatternStatus.NEW, 3L, 2L, 2.0 / 3, 2L),
            tuple(PatternStatus.RECURRING, 5L, 3L, 3.0 / 5, 3L),
            tuple(PatternStatus.RECURRING, 6L, 4L, 4.0 / 6, 1L));
    assertThat(harness.extractOutputValues())
        .extracting(p -> p.getHeader().getEventId())
        .doesNotHaveDuplicates();
  }

  @Test
  void aSignatureOfTriesInTwoLanguagesIsSpecificToNone() throws Exception {
    send(attempt("s1", "python", true, T0 + 1));
    send(attempt("s2", "java", true, T0 + 2));
    send(attempt("s3", "python", true, T0 + 3));
    harness.processWatermark(T0 + 3);

    assertThat(harness.extractOutputValues().get(0).getLanguage()).isNull();
  }

  @Test
  void theSameHistoryInAnyArrivalOrderMakesTheSameReports() throws Exception {
    List<SignatureTry> history =
        List.of(
            attempt("s1", "python", true, T0 + 1),
            attempt("s2", "python", false, T0 + 1),
            attempt("s3", "python", true, T0 + 7),
            attempt("s4", "python", false, T0 + 8),
            attempt("s5", "python", true, T0 + HOUR + 1));
    history.forEach(this::send);
    harness.processWatermark(T0 + 3 * HOUR);

    var replay = harness();
    List<SignatureTry> reversed = new ArrayList<>(history);
    Collections.reverse(reversed);
    for (SignatureTry attempt : reversed) {
      replay.processElement(attempt, attempt.eventTimeMillis());
    }
    replay.processWatermark(T0 + 3 * HOUR);

    assertThat(harness.extractOutputValues()).hasSize(3);
    assertThat(replay.extractOutputValues()).isEqualTo(harness.extractOutputValues());
    replay.close();
  }

  @Test
  void forgetsASignatureWithoutTriesForTheRetentionAndReportsItNewAgainWithAnotherId()
      throws Exception {
    for (int i = 1; i <= 3; i++) {
      send(attempt("s" + i, "python", true, T0 + i));
    }
    harness.processWatermark(T0 + 3);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T0 + HOUR + 3 * DAY);

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    for (int i = 4; i <= 6; i++) {
      send(attempt("s" + i, "python", false, T0 + 4 * DAY + i));
    }
    harness.processWatermark(T0 + 4 * DAY + 6);
    List<PatternDetected> reports = harness.extractOutputValues();
    assertThat(reports)
        .extracting(PatternDetected::getStatus, PatternDetected::getSupport)
        .containsExactly(tuple(PatternStatus.NEW, 3L), tuple(PatternStatus.NEW, 3L));
    assertThat(reports.get(1).getSuccessRate()).isZero();
    assertThat(reports.get(1).getHeader().getEventId())
        .isNotEqualTo(reports.get(0).getHeader().getEventId());
  }

  @Test
  void sendsATryFurtherBehindThanTheAllowedLatenessToTheLateOutput() throws Exception {
    harness.processWatermark(T0 + 3 * 60_000);
    send(attempt("too-late", "python", true, T0 + 60_000));

    assertThat(harness.getSideOutput(SuccessPatternCounter.LATE))
        .extracting(StreamRecord::getValue)
        .extracting(SignatureTry::suggestionId)
        .containsExactly("too-late");
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  private void send(SignatureTry attempt) {
    try {
      harness.processElement(attempt, attempt.eventTimeMillis());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, SignatureTry, PatternDetected>
      harness() throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new SuccessPatternCounter(SETTINGS), SignatureTry::patternId, Types.STRING);
    harness.open();
    return harness;
  }
}
