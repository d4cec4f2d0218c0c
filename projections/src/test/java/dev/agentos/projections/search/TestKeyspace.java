package dev.agentos.projections.search;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.readmodels.memory.MemorySchema;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;

/**
 * The memory read-model schema in a random keyspace of the real Cassandra; {@link #close} drops it.
 */
final class TestKeyspace implements AutoCloseable {

  final CqlSession session;
  private final CqlSession admin;
  private final MemorySchema schema;

  TestKeyspace(StackEndpoints stack) {
    schema = MemorySchema.singleNode("search_it_" + UUID.randomUUID().toString().substring(0, 8));
    admin = connect(stack, null);
    schema.apply(admin);
    session = connect(stack, schema.keyspace());
  }

  @Override
  public void close() {
    session.close();
    schema.drop(admin);
    admin.close();
  }

  private static CqlSession connect(StackEndpoints stack, String keyspace) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    var builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .build());
    return keyspace == null ? builder.build() : builder.withKeyspace(keyspace).build();
  }
}
