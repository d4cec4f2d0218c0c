package dev.agentos.flink.io;

/**
 * An input of a learning job, mapped from one event: where it was read and its event time. Keyed
 * operators send an input that arrives behind the watermark to their late side output, and the job
 * turns it into a dead letter naming the record by its position.
 */
public interface FromSource {

  /** The Kafka record the input was mapped from. */
  SourcePosition position();

  /** When the fact happened at its source ({@code header.occurredAt}), epoch milliseconds. */
  long eventTimeMillis();
}
