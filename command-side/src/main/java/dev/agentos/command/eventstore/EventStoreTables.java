package dev.agentos.command.eventstore;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates Axon's event store and token tables on PostgreSQL with Axon's own Postgres factories
 * (bytea payloads, a BIGSERIAL global index), once, before anything reads or writes them; every
 * statement is {@code CREATE TABLE IF NOT EXISTS}, so restarts change nothing. Then checks that the
 * store's streams are named per tenant ({@link StreamIdLayoutCheck}).
 */
@Component
public class EventStoreTables implements SmartInitializingSingleton {

  private final EventStorageEngine storageEngine;
  private final TokenStore tokenStore;
  private final StreamIdLayoutCheck layout;

  public EventStoreTables(
      EventStorageEngine storageEngine, TokenStore tokenStore, StreamIdLayoutCheck layout) {
    this.storageEngine = storageEngine;
    this.tokenStore = tokenStore;
    this.layout = layout;
  }

  @Override
  public void afterSingletonsInstantiated() {
    ((JdbcEventStorageEngine) storageEngine).createSchema(PostgresEventTableFactory.INSTANCE);
    ((JdbcTokenStore) tokenStore).createSchema(PostgresTokenTableFactory.INSTANCE);
    layout.requirePerTenantStreams();
  }
}
