package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectionsServiceTest {

  @TempDir Path home;

  private ServiceContext context() {
    return new ServiceContext(
        "projections",
        home.resolve("projections"),
        Map.of("http", 18092),
        Map.of(
            "kafka.broker", 19092,
            "registry.http", 18081,
            "postgres.sql", 15432,
            "cassandra.cql", 19042,
            "elasticsearch.http", 19200,
            "influxdb.http", 18086));
  }

  @Test
  void theJarGetsEveryStoreOfThisStackAndItsOwnPort() throws IOException {
    Path jar = Files.createFile(home.resolve("projections-exec.jar"));
    List<String> command = new ProjectionsService(jar, true).command(context());

    assertThat(command)
        .contains(
            "--server.port=18092",
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/postgres",
            "--agentos.projections.kafka-bootstrap-servers=127.0.0.1:19092",
            "--agentos.projections.schema-registry-url=http://127.0.0.1:18081",
            "--agentos.projections.stores.cassandra.contact-point=127.0.0.1:19042",
            "--agentos.projections.stores.elasticsearch.url=http://127.0.0.1:19200",
            "--agentos.projections.stores.influx.url=http://127.0.0.1:18086");
    assertThat(new ProjectionsService(jar, true).endpoints(context()))
        .containsEntry(ProjectionsService.URL, "http://127.0.0.1:18092");
  }

  @Test
  void itStartsAfterTheCommandSideOnlyWhenTheStackRunsOne() {
    Path jar = home.resolve("projections-exec.jar");
    assertThat(new ProjectionsService(jar, true).dependsOn()).contains("command-side", "cassandra");
    assertThat(new ProjectionsService(jar, false).dependsOn())
        .doesNotContain("command-side")
        .contains("kafka", "elasticsearch", "influxdb");
  }

  @Test
  void aMissingJarIsNamedWithHowToBuildIt() {
    Path jar = home.resolve("missing-exec.jar");
    assertThatThrownBy(() -> new ProjectionsService(jar, true).command(context()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no projections jar at " + jar);
  }
}
