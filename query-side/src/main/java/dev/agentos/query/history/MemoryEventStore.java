package dev.agentos.query.history;

import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a memory aggregate's events from the command side's Axon event store, read-only, with plain
 * JDBC: Axon stays off the query side's classpath (see its pom). The table and columns are those
 * Axon's {@code PostgresEventTableFactory} creates; the payload is what Axon's {@code
 * AvroSerializer} writes for a generated Avro class, Avro's single-object encoding, which the
 * generated class's own decoder reads.
 */
@Component
public class MemoryEventStore {

  /** Axon's aggregate type for the command side's {@code Memory} aggregate. */
  static final String AGGREGATE_TYPE = "Memory";

  private static final String SELECT =
      "SELECT sequenceNumber, payloadType, payload FROM domainEventEntry"
          + " WHERE aggregateIdentifier = ? AND type = ? ORDER BY sequenceNumber";

  private static final Map<String, BinaryMessageDecoder<? extends SpecificRecord>> DECODERS =
      Map.of(
          MemoryStored.class.getName(), MemoryStored.getDecoder(),
          MemoryUpdated.class.getName(), MemoryUpdated.getDecoder(),
          MemorySuperseded.class.getName(), MemorySuperseded.getDecoder(),
          MemoryDeleted.class.getName(), MemoryDeleted.getDecoder(),
          MemoryRelationAdded.class.getName(), MemoryRelationAdded.getDecoder(),
          MemoryRelationRemoved.class.getName(), MemoryRelationRemoved.getDecoder());

  private final JdbcTemplate jdbc;

  public MemoryEventStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    // Avro refuses to load our generated classes by name unless they are trusted (Avro 1.11.4+),
    // and nothing else in the query side reads Avro before the first history request.
    GeneratedAvroClasses.trust();
  }

  /**
   * The events of the tenant's memory {@code memoryId} in sequence order; empty when the tenant has
   * no memory of this id. Ids are unique per tenant only: the stream is the one the command side
   * gives the memory in its tenant ({@link StreamIds}), so another tenant's memory of the same id
   * is never read.
   */
  public List<StoredEvent> events(String tenantId, String memoryId) {
    return jdbc.query(
        SELECT,
        (row, n) ->
            new StoredEvent(
                row.getLong(1),
                decode(row.getLong(1), row.getString(2), row.getBytes(3), memoryId)),
        StreamIds.of(tenantId, memoryId),
        AGGREGATE_TYPE);
  }

  static SpecificRecord decode(long sequence, String payloadType, byte[] payload, String memoryId) {
    BinaryMessageDecoder<? extends SpecificRecord> decoder = DECODERS.get(payloadType);
    if (decoder == null) {
      throw new IllegalStateException(
          "memory "
              + memoryId
              + " has an event of type "
              + payloadType
              + " at sequence "
              + sequence
              + " that the history does not know");
    }
    try {
      return decoder.decode(payload);
    } catch (IOException | AvroRuntimeException e) {
      // Avro reports a bad header or an unknown schema fingerprint unchecked, a short read checked.
      throw new IllegalStateException(
          "cannot decode " + payloadType + " at sequence " + sequence + " of memory " + memoryId,
          e);
    }
  }
}
