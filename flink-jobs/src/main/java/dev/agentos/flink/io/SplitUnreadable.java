package dev.agentos.flink.io;

import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes the inputs on and sends the records that could not be read to {@link #UNREADABLE}. */
public final class SplitUnreadable<T> extends ProcessFunction<Either<RecordDeadLettered, T>, T> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<RecordDeadLettered> UNREADABLE =
      new OutputTag<>("unreadable", new AvroTypeInfo<>(RecordDeadLettered.class));

  @Override
  public void open(OpenContext context) {
    GeneratedAvroClasses.trust(); // this task copies dead letters on to their sink
  }

  @Override
  public void processElement(
      Either<RecordDeadLettered, T> value, Context context, Collector<T> out) {
    if (value.isLeft()) {
      context.output(UNREADABLE, value.left());
    } else {
      out.collect(value.right());
    }
  }
}
