package dev.agentos.flink.features;

import static dev.agentos.flink.features.ActivityOutcome.ACCEPTED;
import static dev.agentos.flink.features.ActivityOutcome.CANCELLED;
import static dev.agentos.flink.features.ActivityOutcome.EDITED;
import static dev.agentos.flink.features.ActivityOutcome.ERROR;
import static dev.agentos.flink.features.ActivityOutcome.FAILED;
import static dev.agentos.flink.features.ActivityOutcome.REJECTED;
import static dev.agentos.flink.features.ActivityOutcome.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class FeatureAccumulatorTest {

  private final TestActivities acme = new TestActivities("acme", "web", "agent-7");

  @Test
  void emptyWindowHasItsCountsAtZeroAndNoRates() {
    assertThat(features(List.of()))
        .containsExactly(
            entry("execution.count", 0.0),
            entry("execution.retry.count", 0.0),
            entry("tool.call.count", 0.0),
            entry("tool.repeat.count", 0.0),
            entry("tool.distinct.count", 0.0),
            entry("suggestion.count", 0.0),
            entry("suggestion.file.count", 0.0),
            entry("suggestion.outcome.count", 0.0),
            entry("verification.count", 0.0),
            entry("verification.flipped.count", 0.0),
            entry("tokens.input.sum", 0.0),
            entry("tokens.output.sum", 0.0));
  }

  @Test
  void successRateLeavesSandboxErrorsOut() {
    Map<String, Double> features =
        features(
            List.of(
                acme.completed("s", 1, SUCCEEDED, 100),
                acme.completed("s", 2, SUCCEEDED, 300),
                acme.completed("s", 3, FAILED, 200),
                acme.completed("s", 4, ERROR, 5)));

    assertThat(features).containsEntry("execution.count", 4.0);
    assertThat(features.get("execution.success.rate")).isEqualTo(2.0 / 3);
  }

  @Test
  void onlySandboxErrorsGiveNoSuccessRate() {
    assertThat(features(List.of(acme.completed("s", 1, ERROR, 5))))
        .containsEntry("execution.count", 1.0)
        .doesNotContainKey("execution.success.rate")
        .containsEntry("execution.duration.p50.ms", 5.0);
  }

  @Test
  void durationQuantilesAreNearestRank() {
    List<Activity> runs = new ArrayList<>();
    for (int ms = 100; ms >= 1; ms--) {
      runs.add(acme.completed("s", 1, SUCCEEDED, ms));
    }

    assertThat(features(runs))
        .containsEntry("execution.duration.p50.ms", 50.0)
        .containsEntry("execution.duration.p95.ms", 95.0);
  }

  @Test
  void retriesAreRepeatedCommandsWithinOneSession() {
    Map<String, Double> features =
        features(
            List.of(
                acme.requested("s-1", 1, 42L, false),
                acme.requested("s-1", 2, 42L, false),
                acme.requested("s-1", 3, 42L, false),
                acme.requested("s-1", 4, 43L, false),
                acme.requested("s-2", 5, 42L, false),
                acme.requested(null, 6, 42L, false),
                acme.requested(null, 7, 42L, false)));

    assertThat(features).containsEntry("execution.retry.count", 2.0);
  }

  @Test
  void toolErrorRateLeavesCancelledCallsOut() {
    Map<String, Double> features =
        features(
            List.of(
                acme.toolCall("s", 1, "bash", SUCCEEDED, 1L),
                acme.toolCall("s", 2, "bash", FAILED, 2L),
                acme.toolCall("s", 3, "bash", SUCCEEDED, 3L),
                acme.toolCall("s", 4, "bash", CANCELLED, 4L)));

    assertThat(features).containsEntry("tool.call.count", 4.0);
    assertThat(features.get("tool.error.rate")).isEqualTo(1.0 / 3);
  }

  @Test
  void toolRepeatsAreIdenticalCallsWithinOneSession() {
    Map<String, Double> features =
        features(
            List.of(
                acme.toolCall("s-1", 1, "bash", FAILED, 7L),
                acme.toolCall("s-1", 2, "bash", FAILED, 7L),
                acme.toolCall("s-2", 3, "bash", FAILED, 7L),
                acme.toolCall("s-1", 4, "bash", SUCCEEDED, 8L)));

    assertThat(features).containsEntry("tool.repeat.count", 1.0);
  }

  @Test
  void topThreeToolsByCallsThenByNameAfterTheFixedFeatures() {
    List<Activity> calls = new ArrayList<>();
    String[] tools = {"read", "bash", "mcp:GitHub.search", "bash", "edit", "read", "grep"};
    for (int i = 0; i < tools.length; i++) {
      calls.add(acme.toolCall("s", i, tools[i], SUCCEEDED, i));
    }
    Map<String, Double> features = features(calls);

    assertThat(features).containsEntry("tool.distinct.count", 5.0);
    List<String> names = new ArrayList<>(features.keySet());
    assertThat(names.subList(names.size() - 3, names.size()))
        .containsExactly("tool.bash.calls", "tool.read.calls", "tool.edit.calls");
    assertThat(features)
        .containsEntry("tool.bash.calls", 2.0)
        .containsEntry("tool.read.calls", 2.0)
        .containsEntry("tool.edit.calls", 1.0);
  }

  @Test
  void toolNamesBecomeOneLowerCaseNameSegment() {
    assertThat(FeatureAccumulator.featureNameOf("mcp:GitHub.search"))
        .isEqualTo("mcp_github_search");
    assertThat(FeatureAccumulator.featureNameOf("str_replace_editor"))
        .isEqualTo("str_replace_editor");
  }

  @Test
  void acceptanceCountsEditedSuggestionsAsAccepted() {
    Map<String, Double> features =
        features(
            List.of(
                acme.outcome("s", 1, "a", ACCEPTED),
                acme.outcome("s", 2, "b", EDITED),
                acme.outcome("s", 3, "c", REJECTED),
                acme.outcome("s", 4, "d", REJECTED)));

    assertThat(features)
        .containsEntry("suggestion.outcome.count", 4.0)
        .containsEntry("suggestion.acceptance.rate", 0.5)
        .containsEntry("suggestion.edit.rate", 0.25);
  }

  @Test
  void editSpreadIsTheDistinctFilesOfProposedSuggestions() {
    Map<String, Double> features =
        features(
            List.of(
                acme.proposed("s", 1, "a", "src/A.java"),
                acme.proposed("s", 2, "b", "src/B.java"),
                acme.proposed("s", 3, "c", "src/A.java"),
                acme.proposed("s", 4, "d", null)));

    assertThat(features)
        .containsEntry("suggestion.count", 4.0)
        .containsEntry("suggestion.file.count", 2.0);
  }

  @Test
  void verificationRatesLeaveErrorsOutAndFlipsCountSuggestionsSeenPassingAndFailing() {
    Map<String, Double> features =
        features(
            List.of(
                acme.verified("s", 1, "flaky", SUCCEEDED, 9, 0),
                acme.verified("s", 2, "flaky", FAILED, 8, 1),
                acme.verified("s", 3, "flaky", SUCCEEDED, 9, 0),
                acme.verified("s", 4, "steady", SUCCEEDED, 4, 0),
                acme.verified("s", 5, "steady", SUCCEEDED, 4, 0),
                acme.verified("s", 6, "broken", FAILED, 0, 2),
                acme.verified("s", 7, "broken", ERROR, 0, 0)));

    assertThat(features)
        .containsEntry("verification.count", 7.0)
        .containsEntry("verification.pass.rate", 4.0 / 6)
        .containsEntry("verification.test.pass.rate", 34.0 / 37)
        .containsEntry("verification.flipped.count", 1.0);
  }

  @Test
  void tokensAreSummed() {
    assertThat(features(List.of(acme.turn("s", 1, 1_000, 200), acme.turn(null, 2, 500, 50))))
        .containsEntry("tokens.input.sum", 1_500.0)
        .containsEntry("tokens.output.sum", 250.0);
  }

  @Test
  void earlyTestShareLooksAtEachSessionsFirstTenActionsByTime() {
    List<Activity> activities = new ArrayList<>();
    // s-1: actions at minutes 1..12, tests at 2, 5 and 11: only 2 and 5 are among its first ten.
    for (int minute = 12; minute >= 1; minute--) {
      boolean test = minute == 2 || minute == 5 || minute == 11;
      activities.add(
          minute % 2 == 0
              ? acme.requested("s-1", minute, minute, test)
              : test
                  ? acme.testToolCall("s-1", minute, minute)
                  : acme.toolCall("s-1", minute, "bash", SUCCEEDED, minute));
    }
    // s-2: two actions, one a test run; a turn and a run's completion are not actions.
    activities.add(acme.testToolCall("s-2", 1, 1L));
    activities.add(acme.toolCall("s-2", 2, "read", SUCCEEDED, 2L));
    activities.add(acme.turn("s-2", 0, 1, 1));
    activities.add(acme.completed("s-2", 0, SUCCEEDED, 10));
    // Outside any session: not counted.
    activities.add(acme.testToolCall(null, 0, 3L));

    assertThat(features(activities)).containsEntry("session.early.test.share", 3.0 / 12);
  }

  @Test
  void knowsTheOneAgentOrThatThereWereSeveral() {
    FeatureAccumulator one = accumulate(List.of(acme.turn("s", 1, 1, 1), acme.turn("s", 2, 1, 1)));
    FeatureAccumulator two =
        accumulate(
            List.of(
                acme.turn("s", 1, 1, 1),
                new TestActivities("acme", "web", "agent-8").turn("s", 2, 1, 1)));

    assertThat(new FeatureAggregate().getResult(one).agentId()).isEqualTo("agent-7");
    assertThat(new FeatureAggregate().getResult(two).agentId()).isNull();
  }

  @Test
  void anyOrderOfArrivalAndAnySplitIntoMergedPartsGiveTheSameFeatures() {
    List<Activity> activities = mixedWorkload();
    List<Feature> inOrder = FeatureSetV1.of(accumulate(activities));

    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      List<Activity> shuffled = new ArrayList<>(activities);
      Collections.shuffle(shuffled, random);
      assertThat(FeatureSetV1.of(accumulate(shuffled))).isEqualTo(inOrder);

      int split = random.nextInt(shuffled.size());
      FeatureAccumulator merged = accumulate(shuffled.subList(0, split));
      merged.merge(accumulate(shuffled.subList(split, shuffled.size())));
      assertThat(FeatureSetV1.of(merged)).isEqualTo(inOrder);
    }
  }

  /**
   * What the sliding windows rely on ({@link SlidingFeatureWindows} merges a window's hourly
   * panes): the merge of the panes keeps exactly what adding every activity to one accumulator
   * keeps, the bottom-k sample of more durations than it holds and each session's earliest actions
   * across panes included.
   */
  @Test
  void mergingHourlyPanesKeepsWhatAddingEveryActivityKeeps() {
    List<Activity> activities = new ArrayList<>(mixedWorkload());
    for (int i = 0; i < 3 * DurationSample.CAPACITY; i++) {
      activities.add(acme.completed("s-" + i % 7, i % 1_440, SUCCEEDED, 7L * i % 5_000));
    }
    for (int i = 0; i < 40; i++) {
      // A long session: its first actions are in the first hours, later hours' are not early.
      activities.add(acme.requested("s-long", 1_400 - 35 * i, i % 5, i % 3 == 0));
    }
    Collections.shuffle(activities, new Random(11));
    Map<Long, List<Activity>> byHour = new LinkedHashMap<>();
    for (Activity activity : activities) {
      byHour
          .computeIfAbsent(activity.eventTimeMillis() / 3_600_000, hour -> new ArrayList<>())
          .add(activity);
    }
    FeatureAccumulator merged = new FeatureAccumulator();
    byHour.values().forEach(pane -> merged.merge(accumulate(pane)));
    FeatureAccumulator added = accumulate(activities);

    assertThat(byHour).hasSizeGreaterThan(20);
    assertThat(added.runDurations.size()).isEqualTo(DurationSample.CAPACITY);
    assertThat(sorted(merged.runDurations.hashes)).isEqualTo(sorted(added.runDurations.hashes));
    assertThat(merged).usingRecursiveComparison().ignoringFields("runDurations").isEqualTo(added);
    assertThat(FeatureSetV1.of(merged)).isEqualTo(FeatureSetV1.of(added));
  }

  @Test
  void flinkSerializesTheAccumulatorAsAPojoNotWithKryo() {
    TypeInformation<FeatureAccumulator> type = TypeInformation.of(FeatureAccumulator.class);

    assertThat(type).isInstanceOf(PojoTypeInfo.class);
    assertNoGenericTypes(type);
  }

  private static void assertNoGenericTypes(TypeInformation<?> type) {
    assertThat(type).isNotInstanceOf(GenericTypeInfo.class);
    if (type instanceof PojoTypeInfo<?> pojo) {
      for (int i = 0; i < pojo.getArity(); i++) {
        assertNoGenericTypes(pojo.getTypeAt(i));
      }
    }
    type.getGenericParameters().values().forEach(FeatureAccumulatorTest::assertNoGenericTypes);
  }

  private List<Activity> mixedWorkload() {
    List<Activity> activities = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String session = "s-" + (i % 3);
      activities.add(acme.turn(session, i, 100 + i, 10 + i));
      activities.add(
          acme.toolCall(
              session, i, i % 4 == 0 ? "bash" : "read", i % 5 == 0 ? FAILED : SUCCEEDED, i % 6));
      activities.add(acme.requested(session, i + 0.5, i % 4, i % 7 == 0));
      activities.add(
          acme.completed(session, i + 0.7, i % 3 == 0 ? FAILED : SUCCEEDED, 50L * (i % 11)));
      activities.add(acme.proposed(session, i, "sug-" + i, "src/F" + (i % 5) + ".java"));
      activities.add(acme.outcome(session, i + 1, "sug-" + i, i % 2 == 0 ? ACCEPTED : REJECTED));
      activities.add(
          acme.verified(
              session, i + 1, "sug-" + (i % 4), i % 3 == 0 ? FAILED : SUCCEEDED, 5, i % 3));
    }
    return activities;
  }

  private static FeatureAccumulator accumulate(List<Activity> activities) {
    FeatureAggregate aggregate = new FeatureAggregate();
    FeatureAccumulator accumulator = aggregate.createAccumulator();
    for (Activity activity : activities) {
      accumulator = aggregate.add(activity, accumulator);
    }
    return accumulator;
  }

  private static long[] sorted(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  private static Map<String, Double> features(List<Activity> activities) {
    Map<String, Double> byName = new LinkedHashMap<>();
    for (Feature feature : FeatureSetV1.of(accumulate(activities))) {
      assertThat(byName.put(feature.name(), feature.value())).as(feature.name()).isNull();
    }
    return byName;
  }
}
