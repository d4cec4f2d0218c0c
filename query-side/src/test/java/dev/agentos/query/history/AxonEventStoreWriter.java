package dev.agentos.query.history;

import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.avro.AvroSerializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Appends memory events to the real PostgreSQL event store with Axon's JDBC engine and
 * AvroSerializer, configured as the command side's Spring Boot auto-configuration does (Axon's
 * Postgres table factory, byte[] payloads, Jackson for metadata). It only writes, so it needs none
 * of the command side's AvroClassTrust, and cannot hide that the query side's reader needs it.
 */
final class AxonEventStoreWriter {

  private final JdbcEventStorageEngine engine;

  AxonEventStoreWriter(DataSource dataSource, List<SpecificRecord> eventTypes) {
    SchemaStore.Cache schemas = new SchemaStore.Cache();
    eventTypes.forEach(e -> schemas.addSchema(e.getSchema()));
    AvroSerializer serializer =
        AvroSerializer.builder()
            .schemaStore(schemas)
            .serializerDelegate(JacksonSerializer.defaultSerializer())
            .build();
    engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(new DataSourceConnectionProvider(dataSource))
            .transactionManager(NoTransactionManager.INSTANCE)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .dataType(byte[].class)
            .build();
    engine.createSchema(PostgresEventTableFactory.INSTANCE);
  }

  /**
   * Appends {@code events} as events 0, 1, 2, … of the memory's stream, whose id is the one the
   * command side gives it: the memory's id within its tenant ({@link StreamIds}).
   */
  void append(MemoryEvents memory, SpecificRecord... events) {
    String streamId = StreamIds.of(memory.tenant, memory.memoryId);
    List<DomainEventMessage<?>> messages = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      messages.add(
          new GenericDomainEventMessage<>(
              MemoryEventStore.AGGREGATE_TYPE, streamId, i, events[i], Map.of("traceId", "it")));
    }
    engine.appendEvents(messages);
  }
}
