package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.deploy.local.StackServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuerySideServiceTest {

  @TempDir Path home;

  private ServiceContext context() {
    return new ServiceContext(
        "query-side",
        home,
        Map.of("http", 18091),
        Map.of(
            "postgres.sql", 15432,
            "cassandra.cql", 19042,
            "elasticsearch.http", 19200,
            "kafka.broker", 19092,
            "registry.http", 18081,
            "influxdb.http", 18086));
  }

  @Test
  void runsTheJarAgainstTheStacksPostgresAndCassandraOnItsPort() throws IOException {
    Path jar = Files.createFile(home.resolve("agentos-query-side-exec.jar"));

    List<String> command = new QuerySideService(jar).command(context());

    assertThat(command)
        .contains(
            "--server.port=18091",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/postgres",
            "--agentos.query.cassandra.contact-point=127.0.0.1:19042",
            "--agentos.query.cassandra.datacenter=" + CassandraService.DATACENTER,
            "--agentos.query.cassandra.keyspace=" + QuerySideService.MEMORY_KEYSPACE,
            "--agentos.query.elasticsearch.url=http://127.0.0.1:19200",
            "--agentos.query.influx.url=http://127.0.0.1:18086",
            "--agentos.query.access.bootstrap-servers=127.0.0.1:19092",
            "--agentos.query.access.registry-url=http://127.0.0.1:18081");
    assertThat(new QuerySideService(jar).endpoints(context()))
        .containsEntry(QuerySideService.URL, "http://127.0.0.1:18091");
  }

  @Test
  void aMissingJarIsNamed() {
    Path jar = home.resolve("missing.jar");

    assertThatThrownBy(() -> new QuerySideService(jar).command(context()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(jar.toString());
  }

  @Test
  void startsAfterTheCommandSideWhoseKeysItReadsAndOnlyWhenBuilt() {
    assertThat(new QuerySideService(home).dependsOn())
        .contains("command-side", "cassandra", "influxdb");
    assertThat(
            StackServices.withApplications(home, home, home, null, null).stream()
                .map(LocalService::name))
        .endsWith("command-side", "projections", "query-side");
    assertThat(
            StackServices.withApplications(home, home, null, null, null).stream()
                .map(LocalService::name))
        .doesNotContain("query-side");
    assertThat(
            StackServices.withApplications(null, home, home, null, null).stream()
                .map(LocalService::name))
        .as("without the command side there are no keys to read")
        .doesNotContain("query-side");
  }
}
