package dev.agentos.flink.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {

  @TempDir Path job;

  @Test
  void findsNothingForAJobThatNeverCheckpointed() throws Exception {
    assertThat(LatestCheckpoint.in(job.resolve("never-ran"))).isEmpty();
    assertThat(LatestCheckpoint.in(job)).isEmpty();
  }

  @Test
  void picksTheNewestCompleteCheckpointAcrossRuns() throws Exception {
    checkpoint("run-1/chk-7", Instant.parse("2026-12-07T10:00:00Z"));
    Path newest = checkpoint("run-2/chk-3", Instant.parse("2026-12-07T11:00:00Z"));
    checkpoint("run-2/chk-2", Instant.parse("2026-12-07T10:30:00Z"));
    Files.createDirectories(job.resolve("run-2/chk-4")); // in progress: no _metadata yet
    Files.createDirectories(job.resolve("run-2/shared"));

    assertThat(LatestCheckpoint.in(job)).contains(newest);
  }

  private Path checkpoint(String path, Instant written) throws Exception {
    Path checkpoint = Files.createDirectories(job.resolve(path));
    Path metadata = Files.writeString(checkpoint.resolve("_metadata"), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(written));
    return checkpoint;
  }
}
