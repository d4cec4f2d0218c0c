package dev.agentos.deploy.local.junit;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.TopicCreator;
import dev.agentos.schemas.topics.Topics;
import java.util.List;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.InfluxDBContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * The same servers as the local stack, in containers, for machines with a Docker engine — there the
 * real Confluent Schema Registry stands in for ours.
 */
final class TestcontainersStack implements AutoCloseable {

  private static final String KAFKA_ALIAS = "kafka";

  private final Network network = Network.newNetwork();
  private final KafkaContainer kafka =
      new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.0"))
          .withNetwork(network)
          .withNetworkAliases(KAFKA_ALIAS)
          .withListener(KAFKA_ALIAS + ":19092");
  private final GenericContainer<?> registry =
      new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.1"))
          .withNetwork(network)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", KAFKA_ALIAS + ":19092")
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
  private final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:14");
  private final CassandraContainer cassandra = new CassandraContainer("cassandra:5.0");
  private final ElasticsearchContainer elasticsearch =
      new ElasticsearchContainer(
              DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:8.19.4"))
          .withEnv("xpack.security.enabled", "false")
          .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
  private final InfluxDBContainer<?> influxdb =
      new InfluxDBContainer<>(DockerImageName.parse("influxdb:1.8")).withAuthEnabled(false);

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  static TestcontainersStack start() {
    TestcontainersStack stack = new TestcontainersStack();
    // The registry keeps its schemas in Kafka, so Kafka comes first; the rest start together.
    stack.kafka.start();
    stack.all().filter(c -> c != stack.kafka).parallel().forEach(Startable::start);
    try {
      TopicCreator.ensure(stack.kafka.getBootstrapServers(), Topics.all(), System.out::println);
    } catch (Exception e) {
      stack.close();
      throw new IllegalStateException("Creating topics in the Kafka container failed", e);
    }
    return stack;
  }

  private Stream<Startable> all() {
    return List.<Startable>of(kafka, registry, postgres, cassandra, elasticsearch, influxdb)
        .stream();
  }

  StackEndpoints endpoints() {
    return new StackEndpoints(
        kafka.getBootstrapServers(),
        "http://" + registry.getHost() + ":" + registry.getMappedPort(8081),
        postgres.getJdbcUrl(),
        postgres.getUsername(),
        postgres.getPassword(),
        cassandra.getHost() + ":" + cassandra.getMappedPort(9042),
        cassandra.getLocalDatacenter(),
        "http://" + elasticsearch.getHttpHostAddress(),
        influxdb.getUrl());
  }

  @Override
  public void close() {
    all().forEach(Startable::stop);
    network.close();
  }
}
