package dev.agentos.flink.prediction;

import static dev.agentos.flink.prediction.AgentActivities.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.flink.features.Activity;
import dev.agentos.flink.features.ActivityOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class RequestContextsTest {

  private final AgentActivities agent = new AgentActivities("acme", "agent-1");

  @Test
  void describesEachRequestByWhatCameBeforeIt() throws Exception {
    List<PredictionRequest> requests = replay(session(), true);

    assertThat(requests)
        .extracting(PredictionRequest::subjectId)
        .containsExactly("x-1", "x-2", "x-3", "s-1");
    PredictionRequest first = requests.get(0);
    assertThat(value(first, RequestFeatures.SESSION_ACTIONS)).isEqualTo(1);
    assertThat(value(first, RequestFeatures.SESSION_EARLY_TEST_SHARE)).isEqualTo(1.0);
    assertThat(value(first, RequestFeatures.SESSION_EXECUTIONS)).isZero();
    assertThat(value(first, RequestFeatures.SESSION_EXECUTION_SUCCESS_RATE)).isNaN();
    assertThat(value(first, RequestFeatures.SAME_COMMAND_BEFORE)).isZero();
    assertThat(value(first, RequestFeatures.SAME_COMMAND_LAST_FAILED)).isNaN();
    assertThat(value(first, RequestFeatures.SUGGESTION_CONFIDENCE)).isNaN();

    PredictionRequest retry = requests.get(1);
    assertThat(value(retry, RequestFeatures.SAME_COMMAND_BEFORE)).isEqualTo(1);
    assertThat(value(retry, RequestFeatures.SAME_COMMAND_LAST_FAILED)).isEqualTo(1);
    assertThat(value(retry, RequestFeatures.SESSION_EXECUTION_SUCCESS_RATE)).isZero();
    assertThat(value(retry, RequestFeatures.SESSION_CONSECUTIVE_FAILURES)).isEqualTo(1);
    assertThat(value(retry, RequestFeatures.AGENT_LANGUAGE_SUCCESS_RATE)).isZero();
    assertThat(value(retry, RequestFeatures.SESSION_EARLY_TEST_SHARE)).isEqualTo(0.5);

    PredictionRequest other = requests.get(2);
    assertThat(value(other, RequestFeatures.SESSION_EXECUTION_SUCCESS_RATE)).isEqualTo(0.5);
    assertThat(value(other, RequestFeatures.SESSION_CONSECUTIVE_FAILURES)).isZero();
    assertThat(value(other, RequestFeatures.SAME_COMMAND_LAST_FAILED)).isNaN();
    assertThat(value(other, RequestFeatures.AGENT_EXECUTIONS)).isEqualTo(2);

    PredictionRequest suggestion = requests.get(3);
    assertThat(suggestion.target()).isEqualTo(PredictionTarget.SUGGESTION_VERIFICATION);
    assertThat(suggestion.executionId()).isNull();
    assertThat(value(suggestion, RequestFeatures.SUGGESTION_CONFIDENCE)).isEqualTo(0.8);
    assertThat(value(suggestion, RequestFeatures.SUGGESTION_FILE_TOUCHED_BEFORE)).isZero();
    assertThat(value(suggestion, RequestFeatures.RUNS_TESTS)).isNaN();
  }

  @Test
  void aReplayDescribesTheSameWhateverOrderTheActivitiesArriveIn() throws Exception {
    List<Activity> shuffled = new ArrayList<>(session());
    Collections.shuffle(shuffled, new Random(7));

    assertThat(replay(shuffled, true)).isEqualTo(replay(session(), true));
  }

  @Test
  void servingDescribesARequestAsItArrives() throws Exception {
    try (var harness = harness(false)) {
      harness.processElement(agent.requested("s", 1, "x-1", 7), at(1));

      assertThat(harness.extractOutputValues())
          .extracting(PredictionRequest::subjectId)
          .containsExactly("x-1");
    }
  }

  @Test
  void anIdleSessionIsForgottenAfterADayAndAnIdleAgentAfterAMonth() throws Exception {
    try (var harness = harness(true)) {
      for (Activity activity : session()) {
        harness.processElement(activity, activity.eventTimeMillis());
      }
      harness.processWatermark(at(60) + RequestContexts.FORGET_AFTER_MS + 3_600_000L);
      assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // the agent's record

      harness.processWatermark(at(60) + RequestContexts.FORGET_AGENT_AFTER_MS + 3_600_000L);
      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();
    }
  }

  private List<Activity> session() {
    return List.of(
        agent.testCall("s", 0),
        agent.requested("s", 1, "x-1", 7),
        agent.completed("s", 2, "x-1", ActivityOutcome.FAILED),
        agent.requested("s", 3, "x-2", 7),
        agent.completed("s", 4, "x-2", ActivityOutcome.SUCCEEDED),
        agent.requested("s", 5, "x-3", 8),
        agent.completed("s", 6, "x-3", ActivityOutcome.ERROR),
        agent.proposed("s", 7, "s-1", "app.py"));
  }

  private static List<PredictionRequest> replay(List<Activity> activities, boolean eventTime)
      throws Exception {
    try (var harness = harness(eventTime)) {
      for (Activity activity : activities) {
        harness.processElement(activity, activity.eventTimeMillis());
      }
      harness.processWatermark(at(60));
      return harness.extractOutputValues();
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Activity, PredictionRequest>
      harness(boolean eventTime) throws Exception {
    var harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new RequestContexts(eventTime)),
            RequestContexts::agentKey,
            Types.STRING);
    harness.open();
    return harness;
  }

  private static double value(PredictionRequest request, String feature) {
    return request.features()[RequestFeatures.indexOf(feature)];
  }
}
