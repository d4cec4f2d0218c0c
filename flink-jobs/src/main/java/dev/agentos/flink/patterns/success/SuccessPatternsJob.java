package dev.agentos.flink.patterns.success;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.flink.io.FromSource;
import dev.agentos.flink.io.JobIo;
import dev.agentos.flink.io.LateToDeadLetter;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The success pattern job: which suggestion kinds, languages and tool sequences lead to verified
 * success. Each proposal gets the tools its session called before it ({@link ToolSequences}), is
 * joined with its verification's verdict ({@link LabelSuggestions}), and counts under each of its
 * signatures ({@link SuccessSignatures}) per tenant and project ({@link SuccessPatternCounter}),
 * reported as {@code PatternDetected} of kind SUCCESS to {@code agentos.derived.patterns.v1}.
 * Inputs that arrive after the watermark are dead-lettered.
 */
public final class SuccessPatternsJob {

  public static final String NAME = "success-patterns";

  private SuccessPatternsJob() {}

  /**
   * Adds the job's pipeline to {@code env}.
   *
   * @param outOfOrderness what the sources allow, named in the dead letters of late inputs
   */
  public static void define(
      StreamExecutionEnvironment env,
      JobIo io,
      SuccessPatternSettings settings,
      Duration outOfOrderness) {
    DataStream<SuccessInput> inputs =
        io.read(
            env,
            "suggestions",
            List.of(Topics.INTERACTIONS, Topics.EXECUTIONS),
            new SuccessInputs(),
            TypeInformation.of(SuccessInput.class));
    SingleOutputStreamOperator<SuccessInput> proposals =
        inputs
            .filter(input -> input.kind() != SuccessInputKind.VERDICT)
            .name(NAME + ": session inputs")
            .uid(NAME + "-session-inputs")
            .keyBy(SuccessInput::sessionKey)
            .process(new ToolSequences(settings))
            .name(NAME + ": tool sequences")
            .uid(NAME + "-tool-sequences");
    DataStream<SuccessInput> verdicts =
        inputs
            .filter(input -> input.kind() == SuccessInputKind.VERDICT)
            .name(NAME + ": verdicts")
            .uid(NAME + "-verdicts");
    SingleOutputStreamOperator<SignatureTry> tries =
        proposals
            .union(verdicts)
            .keyBy(SuccessInput::suggestionKey)
            .process(new LabelSuggestions(settings))
            .name(NAME + ": label")
            .uid(NAME + "-label");
    SingleOutputStreamOperator<PatternDetected> patterns =
        tries
            .keyBy(SignatureTry::patternId)
            .process(new SuccessPatternCounter(settings))
            .returns(new AvroTypeInfo<>(PatternDetected.class))
            .name(NAME + ": count")
            .uid(NAME + "-count");
    io.write(patterns, Topics.PATTERNS, "patterns");
    io.deadLetter(
        late(proposals.getSideOutput(ToolSequences.LATE), outOfOrderness, "late-session")
            .union(
                late(tries.getSideOutput(LabelSuggestions.LATE), outOfOrderness, "late-verdicts"),
                late(
                    patterns.getSideOutput(SuccessPatternCounter.LATE),
                    outOfOrderness,
                    "late-tries")),
        "late-inputs");
  }

  private static <T extends FromSource> DataStream<RecordDeadLettered> late(
      DataStream<T> late, Duration outOfOrderness, String step) {
    return late.map(new LateToDeadLetter<T>(NAME, outOfOrderness))
        .returns(new AvroTypeInfo<>(RecordDeadLettered.class))
        .name(NAME + ": " + step.replace('-', ' '))
        .uid(NAME + "-" + step);
  }
}
