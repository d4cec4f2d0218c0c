package dev.agentos.flink.io;

import java.io.Serializable;

/**
 * Where a record was read: enough to find it again in Kafka, so a record a job sets aside (late,
 * unreadable) can be named in its dead letter without carrying its bytes through the job.
 */
public record SourcePosition(String topic, int partition, long offset) implements Serializable {

  @Override
  public String toString() {
    return topic + "/" + partition + "@" + offset;
  }
}
