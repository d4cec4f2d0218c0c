package dev.agentos.flink.io;

import java.io.Serializable;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps a decoded event to a job's own inputs: flat records of Flink-known types, so they travel
 * between operators without Kryo. Returns an empty list for the event types the job does not use.
 * Throwing sets the record aside as a dead letter with the exception's message.
 */
@FunctionalInterface
public interface EventMapper<T> extends Serializable {

  List<T> map(SpecificRecord event, SourcePosition position);
}
