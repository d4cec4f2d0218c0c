package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobsServiceTest {

  private static final List<LearningJob> JOBS =
      List.of(
          new LearningJob("error-patterns", "agentos-flink-error-patterns"),
          new LearningJob("anomalies", "agentos-flink-anomalies"));

  @TempDir Path home;

  private ServiceContext context() {
    return new ServiceContext(
        "flink-jobs",
        home.resolve("flink-jobs"),
        Map.of("rest", 18084),
        Map.of("kafka.broker", 19092, "registry.http", 18081, "flink-jobs.rest", 18084));
  }

  @Test
  void runsEveryJobLocallyAgainstThisStacksKafkaAndRegistryWithItsRestPort() throws IOException {
    Path classes = Files.createDirectory(home.resolve("classes"));
    Path flink = home.resolve("flink-runtime.jar");
    FlinkJobsService service = new FlinkJobsService(List.of(classes, flink), JOBS);

    List<String> command = service.command(context());

    assertThat(command).contains("-Xmx768m", classes + ":" + flink);
    assertThat(command.subList(command.indexOf(FlinkJobsService.MAIN_CLASS), command.size()))
        .containsExactly(
            FlinkJobsService.MAIN_CLASS,
            "local",
            "--bootstrap-servers",
            "127.0.0.1:19092",
            "--registry-url",
            "http://127.0.0.1:18081",
            "--checkpoints",
            home.resolve("flink-jobs").resolve("data").resolve("checkpoints").toString(),
            "--rest-port",
            "18084");
    assertThat(service.endpoints(context()))
        .containsEntry(FlinkJobsService.REST_URL, "http://127.0.0.1:18084");
  }

  @Test
  void startsOnceTheTopicsExistNeedingOnlyKafkaAndTheRegistry() {
    FlinkJobsService service = new FlinkJobsService(List.of(), JOBS);

    assertThat(service.isApplication()).isTrue();
    assertThat(service.dependsOn()).containsExactlyInAnyOrder("kafka", "registry");
  }

  @Test
  void missingClassesAreNamedWithHowToBuildThem() {
    Path classes = home.resolve("target").resolve("classes");
    FlinkJobsService service = new FlinkJobsService(List.of(classes), JOBS);

    assertThatThrownBy(() -> service.command(context()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no flink-jobs classes at " + classes)
        .hasMessageContaining("./mvnw install");
  }

  @Test
  void nothingAnswersOnTheRestPortSoItIsNotHealthy() {
    FlinkJobsService service = new FlinkJobsService(List.of(), JOBS);

    assertThat(service.isHealthy(context())).isFalse();
    assertThat(service.statusDetails(context()))
        .containsExactly(
            "Flink's REST API does not answer at http://127.0.0.1:18084/jobs/overview");
  }

  @Test
  void aStatusLineTellsTheJobsStateAndItsGroupsLag() throws IOException {
    JobsOverview overview =
        JobsOverview.parse("{\"jobs\":[{\"name\":\"error-patterns\",\"state\":\"RUNNING\"}]}");

    assertThat(FlinkJobsService.statusLine(JOBS.get(0), overview, OptionalLong.of(42), "?"))
        .isEqualTo("error-patterns   RUNNING      lag 42 (agentos-flink-error-patterns)");
    assertThat(
            FlinkJobsService.statusLine(
                JOBS.get(1), overview, OptionalLong.empty(), "lag unknown: no checkpoint yet"))
        .isEqualTo("anomalies        NOT LISTED   lag unknown: no checkpoint yet");
  }
}
