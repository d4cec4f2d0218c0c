package dev.agentos.command.it;

import dev.agentos.auth.ApiKeys;
import dev.agentos.command.CommandSideApplication;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side application, started for real against the stack's Kafka, registry and PostgreSQL
 * on a free port, with a fresh tenant and its admin key, so tests never see each other's data.
 * Started once per test JVM by {@link CommandSideExtension}.
 */
public final class RunningCommandSide implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final StackEndpoints stack;
  private final String tenantId;
  private final String adminKey;

  private RunningCommandSide(
      ConfigurableApplicationContext context,
      StackEndpoints stack,
      String tenantId,
      String adminKey) {
    this.context = context;
    this.stack = stack;
    this.tenantId = tenantId;
    this.adminKey = adminKey;
  }

  public static RunningCommandSide start(StackEndpoints stack, String... extraArgs) {
    String tenantId = "it-" + UUID.randomUUID();
    String adminKey = ApiKeys.generate();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.datasource.url=" + stack.postgresJdbcUrl(),
                "--spring.datasource.username=" + stack.postgresUser(),
                "--spring.datasource.password=" + stack.postgresPassword(),
                "--agentos.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--agentos.registry.url=" + stack.schemaRegistryUrl(),
                "--agentos.bootstrap.tenant-id=" + tenantId,
                "--agentos.bootstrap.project-id=it-project",
                "--agentos.bootstrap.admin-key=" + adminKey,
                "--agentos.dedup.state-dir=target/dedup-state-" + UUID.randomUUID(),
                // Never in the module's folder, where the default would put it.
                "--agentos.secrets.keyset-file=target/secrets-keyset-" + UUID.randomUUID()));
    args.addAll(List.of(extraArgs));
    ConfigurableApplicationContext context =
        SpringApplication.run(CommandSideApplication.class, args.toArray(String[]::new));
    return new RunningCommandSide(context, stack, tenantId, adminKey);
  }

  public String baseUrl() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  public StackEndpoints stack() {
    return stack;
  }

  /** The tenant the admin key belongs to; each test JVM gets a new one. */
  public String tenantId() {
    return tenantId;
  }

  public String adminKey() {
    return adminKey;
  }

  public ApiClient admin() {
    return new ApiClient(baseUrl(), adminKey);
  }

  public ApiClient as(String key) {
    return new ApiClient(baseUrl(), key);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The payloads of the event stream of {@code id} in this app's tenant ({@link StreamIds}). */
  public List<Object> events(String id) {
    return bean(EventStore.class)
        .readEvents(StreamIds.of(tenantId, id))
        .asStream()
        .<Object>map(EventMessage::getPayload)
        .toList();
  }

  /** How many events the streams of {@code id} hold, in every tenant together. */
  public long eventCountInAnyTenant(String id) {
    Long count =
        bean(JdbcTemplate.class)
            .queryForObject(
                "SELECT count(*) FROM domainEventEntry"
                    + " WHERE right(aggregateIdentifier, ?) = ?",
                Long.class,
                id.length() + 1,
                "/" + id);
    return count == null ? 0 : count;
  }

  @Override
  public void close() {
    context.close();
  }
}
