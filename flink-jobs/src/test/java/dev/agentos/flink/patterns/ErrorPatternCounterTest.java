package dev.agentos.flink.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.flink.io.SourcePosition;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorPatternCounterTest {

  private static final long HOUR = ErrorPatternCounter.HOUR;
  private static final long T0 = 1_000 * HOUR; // the start of an hour
  private static final PatternSettings SETTINGS =
      new PatternSettings(Duration.ofDays(1), 5, 2.0, Duration.ofMinutes(1), false);
  private static final PatternSettings LIVE =
      new PatternSettings(Duration.ofDays(1), 5, 2.0, Duration.ofMinutes(1), true);

  private KeyedOneInputStreamOperatorTestHarness<String, FailureMatch, PatternDetected> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void reportsNothingUntilTheWatermarkPassesAMatch() throws Exception {
    harness.processElement(match("e1", "agent-1", "s-1", T0 + 10), T0 + 10);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + 10);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            pattern -> {
              assertThat(pattern.getStatus()).isEqualTo(PatternStatus.NEW);
              assertThat(pattern.getOccurrences()).isEqualTo(1);
              assertThat(pattern.getPatternId()).isEqualTo("p-1");
              assertThat(pattern.getErrorType()).isEqualTo("ModuleNotFoundError");
              assertThat(pattern.getTopFrames()).containsExactly("<module>", "load");
              assertThat(pattern.getExamples())
                  .singleElement()
                  .satisfies(example -> assertThat(example.getEventId()).isEqualTo("e1"));
            });
  }

  @Test
  void reportsTheSecondMatchAtOnceAndLaterOnesAtTheHoursEnd() throws Exception {
    for (int i = 1; i <= 4; i++) {
      harness.processElement(match("e" + i, "agent-" + (i % 2), "s-" + i, T0 + i), T0 + i);
    }
    harness.processWatermark(T0 + 100);
    assertThat(harness.extractOutputValues())
        .extracting(PatternDetected::getStatus, PatternDetected::getOccurrences)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PatternStatus.NEW, 1L),
            org.assertj.core.groups.Tuple.tuple(PatternStatus.RECURRING, 2L));

    harness.processWatermark(T0 + HOUR);

    PatternDetected hourly = harness.extractOutputValues().get(2);
    assertThat(hourly.getStatus()).isEqualTo(PatternStatus.RECURRING);
    assertThat(hourly.getOccurrences()).isEqualTo(4);
    assertThat(hourly.getAgentsAffected()).isEqualTo(2);
    assertThat(hourly.getSessionsAffected()).isEqualTo(4);
    assertThat(hourly.getRecentOccurrences()).isEqualTo(4);
    assertThat(hourly.getFirstSeenAt().toEpochMilli()).isEqualTo(T0 + 1);
    assertThat(hourly.getLastSeenAt().toEpochMilli()).isEqualTo(T0 + 4);
    assertThat(harness.extractOutputValues()).hasSize(3);
  }

  @Test
  void reportsARisingPatternOncePerHour() throws Exception {
    // One match in the first hour, then six in the next: at least 5 and twice the hour before.
    harness.processElement(match("e0", "a", "s", T0), T0);
    for (int i = 1; i <= 6; i++) {
      harness.processElement(match("e" + i, "a", "s", T0 + HOUR + i), T0 + HOUR + i);
    }
    harness.processWatermark(T0 + HOUR + 100);

    List<PatternDetected> rising =
        harness.extractOutputValues().stream()
            .filter(pattern -> pattern.getStatus() == PatternStatus.RISING)
            .toList();
    assertThat(rising)
        .singleElement()
        .satisfies(
            pattern -> {
              assertThat(pattern.getOccurrences()).isEqualTo(6); // the 5th match of the hour
              assertThat(pattern.getRecentOccurrences()).isEqualTo(5);
            });
  }

  @Test
  void countsMatchesInEventTimeOrderWhateverTheirArrival() throws Exception {
    harness.processElement(match("late-arrival", "a", "s", T0 + 5), T0 + 5);
    harness.processElement(match("early-arrival", "a", "s", T0 + 3), T0 + 3);
    harness.processWatermark(T0 + 10);

    assertThat(harness.extractOutputValues().get(0).getExamples().get(0).getEventId())
        .isEqualTo("early-arrival");
  }

  @Test
  void sendsAMatchFurtherBehindThanTheAllowedLatenessToTheLateOutput() throws Exception {
    harness.processWatermark(T0 + 3 * 60_000);
    harness.processElement(match("too-late", "a", "s", T0 + 60_000), T0 + 60_000);

    assertThat(harness.getSideOutput(ErrorPatternCounter.LATE))
        .extracting(StreamRecord::getValue)
        .extracting(FailureMatch::eventId)
        .containsExactly("too-late");
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void countsAMatchBehindTheWatermarkWithinTheAllowedLatenessOnArrival() throws Exception {
    harness.processElement(match("e1", "a", "s", T0 + 50_000), T0 + 50_000);
    harness.processWatermark(T0 + 50_000);
    harness.processElement(match("slow-partition", "b", "s2", T0 + 20_000), T0 + 20_000);

    assertThat(harness.getSideOutput(ErrorPatternCounter.LATE)).isNull();
    assertThat(harness.extractOutputValues())
        .extracting(PatternDetected::getOccurrences)
        .containsExactly(1L, 2L);
    assertThat(harness.extractOutputValues().get(1).getFirstSeenAt().toEpochMilli())
        .isEqualTo(T0 + 20_000);
  }

  @Test
  void reportsANewPatternOnArrivalWhenLiveAndNotAgainAtTheWatermark() throws Exception {
    var live = harness(LIVE);
    live.processElement(match("e1", "a", "s", T0 + 10), T0 + 10);

    assertThat(live.extractOutputValues())
        .singleElement()
        .satisfies(pattern -> assertThat(pattern.getStatus()).isEqualTo(PatternStatus.NEW));

    live.processElement(match("e2", "a", "s", T0 + 20), T0 + 20);
    live.processWatermark(T0 + 100);
    assertThat(live.extractOutputValues())
        .extracting(PatternDetected::getStatus)
        .containsExactly(PatternStatus.NEW, PatternStatus.RECURRING);
    live.close();
  }

  @Test
  void forgetsAPatternUnseenForTheRetention() throws Exception {
    harness.processElement(match("e1", "a", "s", T0 + 1), T0 + 1);
    harness.processWatermark(T0 + 1);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T0 + HOUR + Duration.ofDays(1).toMillis());

    assertThat(harness.numKeyedStateEntries()).isZero();
    harness.processElement(match("e2", "a", "s", T0 + 2 * Duration.ofDays(1).toMillis()), 0);
    harness.processWatermark(T0 + 3 * Duration.ofDays(1).toMillis());
    assertThat(harness.extractOutputValues())
        .extracting(PatternDetected::getStatus)
        .containsExactly(PatternStatus.NEW, PatternStatus.NEW);
  }

  @Test
  void theSameHistoryMakesTheSameReports() throws Exception {
    List<FailureMatch> history =
        List.of(
            match("e1", "a", "s1", T0 + 1),
            match("e2", "b", "s2", T0 + 1),
            match("e3", "a", "s1", T0 + 7),
            match("e4", "c", "s3", T0 + HOUR + 1));
    for (FailureMatch match : history) {
      harness.processElement(match, match.eventTimeMillis());
    }
    harness.processWatermark(T0 + 3 * HOUR);

    var replay = harness();
    List<FailureMatch> reversed = new java.util.ArrayList<>(history);
    java.util.Collections.reverse(reversed);
    for (FailureMatch match : reversed) {
      replay.processElement(match, match.eventTimeMillis());
    }
    replay.processWatermark(T0 + 3 * HOUR);

    assertThat(replay.extractOutputValues()).isEqualTo(harness.extractOutputValues());
    assertThat(harness.extractOutputValues())
        .extracting(p -> p.getHeader().getEventId())
        .doesNotHaveDuplicates();
    replay.close();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, FailureMatch, PatternDetected>
      harness() throws Exception {
    return harness(SETTINGS);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, FailureMatch, PatternDetected>
      harness(PatternSettings settings) throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ErrorPatternCounter(settings), FailureMatch::patternId, Types.STRING);
    harness.open();
    return harness;
  }

  private static FailureMatch match(String eventId, String agent, String session, long time) {
    return new FailureMatch(
        "p-1",
        "tenant-1",
        "project-1",
        agent,
        session,
        eventId,
        "python",
        "ModuleNotFoundError",
        "python|ModuleNotFoundError|No module named <str>",
        "<module>\nload",
        "ModuleNotFoundError: No module named 'requests'",
        time,
        new SourcePosition("agentos.executions.v1", 0, time));
  }
}
