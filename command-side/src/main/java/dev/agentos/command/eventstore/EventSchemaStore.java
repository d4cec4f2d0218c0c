package dev.agentos.command.eventstore;

import dev.agentos.schemas.avro.SchemaHistory;
import org.apache.avro.message.SchemaStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schemas Axon's Avro serializer reads stored events with. It finds an event's writer schema by
 * the fingerprint stored beside it; Axon's default store holds only the classes' current schemas,
 * so after an event's schema evolved every event stored before (ExecutionRequested before its
 * environment held names only, say) failed to load, and with it its aggregate. This store holds
 * every released version ({@link SchemaHistory}) as well.
 */
@Configuration(proxyBeanMethods = false)
public class EventSchemaStore {

  @Bean
  SchemaStore eventSchemas() {
    SchemaStore.Cache store = new SchemaStore.Cache();
    SchemaHistory.everyVersion().forEach(store::addSchema);
    return store;
  }
}
