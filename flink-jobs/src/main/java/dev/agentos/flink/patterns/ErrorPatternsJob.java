package dev.agentos.flink.patterns;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.PatternDetected;
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
 * The error pattern job: failed executions and tool calls, fingerprinted, counted per tenant,
 * project and fingerprint, reported as {@code PatternDetected} to {@code
 * agentos.derived.patterns.v1}. Failures that arrive after the watermark are dead-lettered.
 */
public final class ErrorPatternsJob {

  public static final String NAME = "error-patterns";

  private ErrorPatternsJob() {}

  /**
   * Adds the job's pipeline to {@code env}.
   *
   * @param outOfOrderness what the sources allow, named in the dead letters of late failures
   */
  public static void define(
      StreamExecutionEnvironment env, JobIo io, PatternSettings settings, Duration outOfOrderness) {
    DataStream<Failure> failures =
        io.read(
            env,
            "failures",
            List.of(Topics.EXECUTIONS, Topics.INTERACTIONS),
            new Failures(),
            TypeInformation.of(Failure.class));
    SingleOutputStreamOperator<PatternDetected> patterns =
        failures
            .flatMap(new FingerprintFailures())
            .name(NAME + ": fingerprint")
            .uid(NAME + "-fingerprint")
            .keyBy(FailureMatch::patternId)
            .process(new ErrorPatternCounter(settings))
            .returns(new AvroTypeInfo<>(PatternDetected.class))
            .name(NAME + ": count")
            .uid(NAME + "-count");
    io.write(patterns, Topics.PATTERNS, "patterns");
    io.deadLetter(
        patterns
            .getSideOutput(ErrorPatternCounter.LATE)
            .map(new LateToDeadLetter<FailureMatch>(NAME, outOfOrderness))
            .returns(new AvroTypeInfo<>(RecordDeadLettered.class))
            .name(NAME + ": late failures")
            .uid(NAME + "-late"),
        "late-failures");
  }
}
