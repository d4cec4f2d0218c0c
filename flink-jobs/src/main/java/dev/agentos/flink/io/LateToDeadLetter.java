package dev.agentos.flink.io;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Turns an input that arrived behind the watermark into its dead letter. */
public final class LateToDeadLetter<T extends FromSource>
    extends RichMapFunction<T, RecordDeadLettered> {

  private static final long serialVersionUID = 1L;

  private final String stage;
  private final Duration outOfOrderness;

  public LateToDeadLetter(String stage, Duration outOfOrderness) {
    this.stage = stage;
    this.outOfOrderness = outOfOrderness;
  }

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust(); // this task copies dead letters on to their sink
  }

  @Override
  public RecordDeadLettered map(T late) {
    return DeadLetterRecords.late(late, stage, outOfOrderness);
  }
}
