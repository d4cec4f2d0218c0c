package dev.agentos.flink.patterns.success;

import static dev.agentos.flink.patterns.success.SuccessSamples.HOUR;
import static dev.agentos.flink.patterns.success.SuccessSamples.T0;
import static dev.agentos.flink.patterns.success.SuccessSamples.proposal;
import static dev.agentos.flink.patterns.success.SuccessSamples.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolSequencesTest {

  static final SuccessPatternSettings SETTINGS =
      new SuccessPatternSettings(
          3, Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3), Duration.ofMinutes(1));

  private KeyedOneInputStreamOperatorTestHarness<String, SuccessInput, SuccessInput> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ToolSequences(SETTINGS), SuccessInput::sessionKey, Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void givesAProposalTheLastThreeToolsBeforeItInEventTimeOrderWhateverTheirArrival()
      throws Exception {
    send(proposal("sug-1", "s", T0 + 50));
    send(toolCall("t4", "s", "run_tests", T0 + 40));
    send(toolCall("t3", "s", "edit_file", T0 + 30));
    send(toolCall("t2", "s", "read_file", T0 + 20));
    send(toolCall("t1", "s", "grep", T0 + 10));
    send(toolCall("t5", "s", "bash", T0 + 60)); // after the proposal: not its sequence
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + 100);

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.suggestionId()).isEqualTo("sug-1");
              assertThat(p.toolSequence()).isEqualTo("read_file>edit_file>run_tests");
            });
  }

  @Test
  void countsAToolCallOfTheProposalsMillisecondAsBeforeIt() throws Exception {
    send(proposal("sug-1", "s", T0 + 10));
    send(toolCall("t1", "s", "edit>file", T0 + 10));
    harness.processWatermark(T0 + 10);

    assertThat(harness.extractOutputValues())
        .extracting(SuccessInput::toolSequence)
        .containsExactly("edit_file");
  }

  @Test
  void aProposalWithoutToolsHasTheEmptySequenceAndOneOutsideASessionNone() throws Exception {
    send(proposal("sug-1", "s", T0 + 10));
    send(proposal("sug-2", null, T0 + 20));
    harness.processWatermark(T0 + 30);

    assertThat(harness.extractOutputValues())
        .extracting(SuccessInput::suggestionId, SuccessInput::toolSequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sug-1", ""),
            org.assertj.core.groups.Tuple.tuple("sug-2", null));
  }

  @Test
  void forgetsASessionIdleForTheSessionTimeout() throws Exception {
    send(toolCall("t1", "s", "read_file", T0 + 10));
    harness.processWatermark(T0 + 10);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T0 + HOUR + Duration.ofDays(1).toMillis());

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    send(proposal("sug-1", "s", T0 + Duration.ofDays(2).toMillis()));
    harness.processWatermark(T0 + Duration.ofDays(3).toMillis());
    assertThat(harness.extractOutputValues())
        .extracting(SuccessInput::toolSequence)
        .containsExactly("");
  }

  @Test
  void sendsAnInputFurtherBehindThanTheAllowedLatenessToTheLateOutput() throws Exception {
    harness.processWatermark(T0 + 3 * 60_000);
    send(toolCall("too-late", "s", "read_file", T0));
    send(toolCall("slow", "s", "edit_file", T0 + 2 * 60_000 + 1));
    send(proposal("sug-1", "s", T0 + 3 * 60_000 + 5));
    harness.processWatermark(T0 + 4 * 60_000);

    assertThat(harness.getSideOutput(ToolSequences.LATE))
        .extracting(StreamRecord::getValue)
        .extracting(SuccessInput::eventId)
        .containsExactly("too-late");
    assertThat(harness.extractOutputValues())
        .extracting(SuccessInput::toolSequence)
        .containsExactly("edit_file");
  }

  private void send(SuccessInput input) throws Exception {
    harness.processElement(input, input.eventTimeMillis());
  }
}
