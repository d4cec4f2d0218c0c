package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.CodeExecutorService;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.FlinkJobsService;
import dev.agentos.deploy.local.service.ProjectionsService;
import dev.agentos.deploy.local.service.QuerySideService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where each server of a running stack answers. Written by {@code ./agentos up} to {@code
 * stack.properties} (and {@code stack.env}); every module reads it from there, and tests receive it
 * from {@code LocalStackExtension}. {@code applications} holds the URLs of AgentOS's own
 * applications when the stack runs them ({@link #APPLICATION_URLS}), keyed like the servers'.
 */
public record StackEndpoints(
    String kafkaBootstrapServers,
    String schemaRegistryUrl,
    String postgresJdbcUrl,
    String postgresUser,
    String postgresPassword,
    String cassandraContactPoint,
    String cassandraDatacenter,
    String elasticsearchUrl,
    String influxdbUrl,
    Map<String, String> applications) {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String POSTGRES_JDBC_URL = "postgres.jdbc.url";
  public static final String POSTGRES_USER = "postgres.user";
  public static final String POSTGRES_PASSWORD = "postgres.password";
  public static final String CASSANDRA_CONTACT_POINT = "cassandra.contact.point";
  public static final String CASSANDRA_DATACENTER = "cassandra.datacenter";
  public static final String ELASTICSEARCH_URL = "elasticsearch.url";
  public static final String INFLUXDB_URL = "influxdb.url";

  /** The keys of the applications' URLs, as their services write them. */
  public static final List<String> APPLICATION_URLS =
      List.of(
          CommandSideService.URL,
          ProjectionsService.URL,
          QuerySideService.URL,
          FlinkJobsService.REST_URL,
          CodeExecutorService.URL);

  public StackEndpoints {
    applications = Map.copyOf(applications);
  }

  /** The servers alone, no application running. */
  public StackEndpoints(
      String kafkaBootstrapServers,
      String schemaRegistryUrl,
      String postgresJdbcUrl,
      String postgresUser,
      String postgresPassword,
      String cassandraContactPoint,
      String cassandraDatacenter,
      String elasticsearchUrl,
      String influxdbUrl) {
    this(
        kafkaBootstrapServers,
        schemaRegistryUrl,
        postgresJdbcUrl,
        postgresUser,
        postgresPassword,
        cassandraContactPoint,
        cassandraDatacenter,
        elasticsearchUrl,
        influxdbUrl,
        Map.of());
  }

  /** The URL of an application ({@link #APPLICATION_URLS}), if this stack runs it. */
  public Optional<String> application(String urlKey) {
    return Optional.ofNullable(applications.get(urlKey));
  }

  public static StackEndpoints from(Properties p) {
    return new StackEndpoints(
        required(p, KAFKA_BOOTSTRAP_SERVERS),
        required(p, SCHEMA_REGISTRY_URL),
        required(p, POSTGRES_JDBC_URL),
        required(p, POSTGRES_USER),
        required(p, POSTGRES_PASSWORD),
        required(p, CASSANDRA_CONTACT_POINT),
        required(p, CASSANDRA_DATACENTER),
        required(p, ELASTICSEARCH_URL),
        required(p, INFLUXDB_URL),
        APPLICATION_URLS.stream()
            .filter(p::containsKey)
            .collect(Collectors.toMap(key -> key, p::getProperty)));
  }

  public static StackEndpoints read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
    }
    return from(p);
  }

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
    p.setProperty(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    p.setProperty(POSTGRES_JDBC_URL, postgresJdbcUrl);
    p.setProperty(POSTGRES_USER, postgresUser);
    p.setProperty(POSTGRES_PASSWORD, postgresPassword);
    p.setProperty(CASSANDRA_CONTACT_POINT, cassandraContactPoint);
    p.setProperty(CASSANDRA_DATACENTER, cassandraDatacenter);
    p.setProperty(ELASTICSEARCH_URL, elasticsearchUrl);
    p.setProperty(INFLUXDB_URL, influxdbUrl);
    applications.forEach(p::setProperty);
    return p;
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("stack properties lack " + key);
    }
    return value;
  }
}
