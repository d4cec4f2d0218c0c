package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog against stand-ins for flink-jobs' two classes, compiled here. */
class LearningJobsCatalogTest {

  @TempDir Path dir;

  @Test
  void readsTheStreamingJobsAndTheirConsumerGroupsFromTheRunnersClasses() throws Exception {
    Path classes = compile(dir, "List.of(\"error-patterns\", \"anomalies\")", "\"group-\" + job");

    assertThat(LearningJobsCatalog.read(List.of(classes)))
        .containsExactly(
            new LearningJob("error-patterns", "group-error-patterns"),
            new LearningJob("anomalies", "group-anomalies"));
  }

  @Test
  void withoutTheClassesItSaysToRebuildFlinkJobs() {
    assertThatThrownBy(() -> LearningJobsCatalog.read(List.of(dir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rebuild flink-jobs");
  }

  /** down must stop the stack even when flink-jobs' classes are gone. */
  @Test
  void theServiceReadsTheJobsOnlyWhenItNeedsThem() {
    FlinkJobsService service = FlinkJobsService.onClasspath(dir.toString());

    assertThat(service.name()).isEqualTo("flink-jobs");
    assertThatThrownBy(service::jobs).hasMessageContaining("rebuild flink-jobs");
  }

  @Test
  void theClasspathAsTheScriptPassesItNamesTheClassesFirst() throws Exception {
    Path classes = compile(dir, "List.of(\"anomalies\")", "\"g-\" + job");

    FlinkJobsService service =
        FlinkJobsService.onClasspath(classes + File.pathSeparator + dir.resolve("flink.jar"));

    assertThat(service.jobs()).containsExactly(new LearningJob("anomalies", "g-anomalies"));
  }

  private static Path compile(Path dir, String streaming, String consumerGroup) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path jobs =
        Files.writeString(
            sources.resolve("LearningJobs.java"),
            "package dev.agentos.flink; import java.util.List; public final class LearningJobs {"
                + " public static final List<String> STREAMING = "
                + streaming
                + "; }");
    Path io =
        Files.writeString(
            sources.resolve("KafkaJobIo.java"),
            "package dev.agentos.flink.io; public final class KafkaJobIo {"
                + " public static String consumerGroup(String job) { return "
                + consumerGroup
                + "; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int exit =
        javac.run(null, null, null, "-d", classes.toString(), jobs.toString(), io.toString());
    assertThat(exit).isZero();
    return classes;
  }
}
