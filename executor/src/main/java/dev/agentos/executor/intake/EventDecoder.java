package dev.agentos.executor.intake;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads one record's event; a record it cannot read is set aside (with the reason) as null. */
@FunctionalInterface
public interface EventDecoder {
  SpecificRecord decode(ConsumerRecord<String, byte[]> record);
}
