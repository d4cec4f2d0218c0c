package dev.agentos.flink.patterns.success;

import static dev.agentos.flink.patterns.success.SuccessSamples.T0;
import static dev.agentos.flink.patterns.success.SuccessSamples.proposal;
import static dev.agentos.flink.patterns.success.SuccessSamples.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LabelSuggestionsTest {

  private static final long DAY = Duration.ofDays(1).toMillis();

  private KeyedOneInputStreamOperatorTestHarness<String, SuccessInput, SignatureTry> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new LabelSuggestions(ToolSequencesTest.SETTINGS),
            SuccessInput::suggestionKey,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aProposalAndItsVerdictMakeATryOfEachSignature() throws Exception {
    send(proposal("sug-1", "s", T0 + 10).withToolSequence("read_file>edit_file"));
    send(verdict("v1", "sug-1", true, T0 + 500));
    harness.processWatermark(T0 + 400);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.processWatermark(T0 + 500);

    List<SignatureTry> tries = harness.extractOutputValues();
    assertThat(tries)
        .extracting(SignatureTry::signature)
        .containsExactly("kind:UNIFIED_DIFF:file", "language:python", "tools:read_file>edit_file");
    assertThat(tries)
        .allSatisfy(
            t -> {
              assertThat(t.passed()).isTrue();
              assertThat(t.eventTimeMillis()).isEqualTo(T0 + 500);
              assertThat(t.proposalEventId()).isEqualTo("proposal-sug-1");
              assertThat(t.language()).isEqualTo("python");
            });
    assertThat(tries).extracting(SignatureTry::patternId).doesNotHaveDuplicates();
  }

  @Test
  void aVerdictBeforeItsProposalWaitsForIt() throws Exception {
    send(verdict("v1", "sug-1", false, T0 + 10));
    harness.processWatermark(T0 + 10);
    assertThat(harness.extractOutputValues()).isEmpty();

    send(proposal("sug-1", null, T0 + 20));
    harness.processWatermark(T0 + 20);

    assertThat(harness.extractOutputValues())
        .extracting(SignatureTry::signature, SignatureTry::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kind:UNIFIED_DIFF:file", false),
            org.assertj.core.groups.Tuple.tuple("language:python", false));
  }

  @Test
  void theFirstVerdictInEventTimeLabelsTheSuggestionAndLaterOnesAreIgnored() throws Exception {
    send(proposal("sug-1", "s", T0 + 10).withToolSequence(""));
    send(verdict("v-late-but-first-to-arrive", "sug-1", true, T0 + 90));
    send(verdict("v-first", "sug-1", false, T0 + 50));
    send(proposal("sug-1", "s", T0 + 95).withToolSequence("bash")); // a repeated proposal
    harness.processWatermark(T0 + 100);

    assertThat(harness.extractOutputValues())
        .extracting(SignatureTry::signature, SignatureTry::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kind:UNIFIED_DIFF:file", false),
            org.assertj.core.groups.Tuple.tuple("language:python", false),
            org.assertj.core.groups.Tuple.tuple("tools:(none)", false));
  }

  @Test
  void clearsASuggestionLabelWithinAfterItWasFirstSeenLabelledOrNot() throws Exception {
    send(proposal("labelled", "s", T0 + 10).withToolSequence(""));
    send(verdict("v1", "labelled", true, T0 + 20));
    send(proposal("never-verified", "s", T0 + 30).withToolSequence(""));
    harness.processWatermark(T0 + 30);
    assertThat(harness.numKeyedStateEntries()).isPositive();

    harness.processWatermark(T0 + 30 + 2 * DAY);

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numEventTimeTimers()).isZero();
    assertThat(harness.extractOutputValues()).hasSize(3);
  }

  @Test
  void aVerdictLaterThanLabelWithinIsNotCounted() throws Exception {
    send(proposal("sug-1", "s", T0 + 10).withToolSequence(""));
    send(verdict("v1", "sug-1", true, T0 + 10 + 3 * DAY));
    harness.processWatermark(T0 + 10 + 6 * DAY);

    assertThat(harness.extractOutputValues()).isEmpty();
    assertThat(harness.numKeyedStateEntries()).isZero();
  }

  @Test
  void sendsAVerdictFurtherBehindThanTheAllowedLatenessToTheLateOutput() throws Exception {
    send(proposal("sug-1", "s", T0 + 10).withToolSequence(""));
    harness.processWatermark(T0 + 5 * 60_000);
    send(verdict("too-late", "sug-1", true, T0 + 60_000));

    assertThat(harness.getSideOutput(LabelSuggestions.LATE))
        .extracting(StreamRecord::getValue)
        .extracting(SuccessInput::eventId)
        .containsExactly("too-late");
    assertThat(harness.extractOutputValues()).isEmpty();
  }

  private void send(SuccessInput input) throws Exception {
    harness.processElement(input, input.eventTimeMillis());
  }
}
