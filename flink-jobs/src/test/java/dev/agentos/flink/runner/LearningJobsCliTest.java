package dev.agentos.flink.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LearningJobsCliTest {

  @Test
  void aJobsCheckpointsGoUnderTheGivenFolderWithOrWithoutItsSlash() {
    assertThat(LearningJobsCli.folderOf(URI.create("s3://bucket/agentos"), "anomalies"))
        .hasToString("s3://bucket/agentos/anomalies/");
    assertThat(LearningJobsCli.folderOf(URI.create("s3://bucket/agentos/"), "anomalies"))
        .hasToString("s3://bucket/agentos/anomalies/");
    assertThat(LearningJobsCli.folderOf(URI.create("file:///data/ckpt"), "error-patterns"))
        .hasToString("file:///data/ckpt/error-patterns/");
  }
}
