package dev.agentos.projections.it;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.projections.ProjectionsApplication;
import dev.agentos.projections.TokenRows;
import dev.agentos.projections.replay.Replays;
import dev.agentos.projections.wiring.ProcessorsOff;
import dev.agentos.readmodels.cassandra.Keyspace;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a projection IT runs one processing group on, all of this run's own so runs never see each
 * other: its topics (one partition each, so records are applied in the order sent), a Cassandra
 * keyspace and a processor name, and the application started with every other group switched off.
 * Closing it drops the keyspace, deletes the topics and the processor's token rows.
 *
 * <p>With one segment and one partition, once a record sent later shows in the read model, every
 * record before it has been applied: the ITs send a marker after what should change nothing.
 */
public final class ProjectionStage implements AutoCloseable {

  /** How long a published record may take to show in a read model on a busy machine. */
  public static final Duration PROJECTED = Duration.ofSeconds(120);

  private final StackEndpoints stack;
  private final String group;
  private final String name;
  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final Map<String, String> topics = new LinkedHashMap<>();

  private ProjectionStage(StackEndpoints stack, String group, String name, String... streams) {
    this.stack = stack;
    this.group = group;
    this.name = name;
    if (streams.length == 0) {
      topics.put(name, "agentos.it." + name + "-" + run + ".v1");
    }
    for (String stream : streams) {
      topics.put(stream, "agentos.it." + name + "-" + stream + "-" + run + ".v1");
    }
  }

  /**
   * A stage for {@code group}, its topics created: one, or one per stream named (the group then
   * reads them all, in that order).
   *
   * @param name a short word naming what is projected, e.g. "anomalies"
   */
  public static ProjectionStage open(
      StackEndpoints stack, String group, String name, String... streams) throws Exception {
    ProjectionStage stage = new ProjectionStage(stack, group, name, streams);
    try (Admin admin = stage.admin()) {
      admin
          .createTopics(
              stage.topics.values().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
          .all()
          .get();
    }
    return stage;
  }

  /** A random word of this run, to make ids, tenants and databases of its own. */
  public String run() {
    return run;
  }

  /** The first topic. */
  public String topic() {
    return topics.values().iterator().next();
  }

  /** The topic of {@code stream}, one of those the stage was opened with. */
  public String topic(String stream) {
    String topic = topics.get(stream);
    if (topic == null) {
      throw new IllegalArgumentException("no stream " + stream + " in " + topics.keySet());
    }
    return topic;
  }

  public String keyspace() {
    return "it_" + name.replace('-', '_') + "_" + run;
  }

  /** A transactional publisher of its own, writing to the first topic unless told another. */
  public TransactionalPublisher publisher() {
    return new TransactionalPublisher(stack, topic(), "it-" + name + "-" + run);
  }

  /**
   * The projections application with only this stage's group on, reading its topics into its
   * keyspace with one segment; {@code more} are further arguments (another store's, say).
   */
  public ConfigurableApplicationContext start(String... more) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.datasource.url=" + stack.postgresJdbcUrl());
    args.add("--spring.datasource.username=" + stack.postgresUser());
    args.add("--spring.datasource.password=" + stack.postgresPassword());
    args.add("--agentos.projections.kafka-bootstrap-servers=" + stack.kafkaBootstrapServers());
    args.add("--agentos.projections.schema-registry-url=" + stack.schemaRegistryUrl());
    args.add(
        "--agentos.projections.stores.cassandra.contact-point=" + stack.cassandraContactPoint());
    args.add("--agentos.projections.stores.cassandra.datacenter=" + stack.cassandraDatacenter());
    args.add("--agentos.projections.stores.cassandra.keyspace=" + keyspace());
    // event-streams sets up its index templates even when disabled: point it at the stack's.
    args.add("--agentos.projections.stores.elasticsearch.url=" + stack.elasticsearchUrl());
    // This group alone: the other read models (and the embedding model) are not loaded.
    args.addAll(ProcessorsOff.allBut(group));
    String processor = "--agentos.projections.processors." + group;
    args.add(processor + ".name=" + processor());
    args.add(processor + ".topics=" + String.join(",", topics.values()));
    args.add(processor + ".segments=1");
    args.addAll(Arrays.asList(more));
    return new SpringApplicationBuilder(ProjectionsApplication.class)
        .run(args.toArray(String[]::new));
  }

  /** A session on the stage's keyspace, which the application created at its start. */
  public CqlSession session() {
    return cassandra().withKeyspace(keyspace()).build();
  }

  /**
   * Replays the group in {@code app} and waits until the replay has finished and {@code rebuilt}
   * holds (the last record sent shows again): the read model is then rebuilt from the first offset.
   */
  public void replayed(ConfigurableApplicationContext app, Callable<Boolean> rebuilt) {
    Replays replays = app.getBean(Replays.class);
    replays.replay(group);
    await()
        .atMost(PROJECTED)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> replays.progress(group).finished() && rebuilt.call());
  }

  @Override
  public void close() throws Exception {
    try (CqlSession admin = cassandra().build()) {
      // DDL waits for schema agreement: more than a query's default 2 s on a busy machine.
      Keyspace.execute(admin, "DROP KEYSPACE IF EXISTS " + keyspace());
    }
    try (Admin admin = admin()) {
      admin.deleteTopics(List.copyOf(topics.values())).all().get();
    }
    TokenRows.delete(stack, processor());
  }

  private String processor() {
    return "it-" + name + "-" + run;
  }

  private CqlSessionBuilder cassandra() {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    return CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter(stack.cassandraDatacenter());
  }

  private Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
  }
}
