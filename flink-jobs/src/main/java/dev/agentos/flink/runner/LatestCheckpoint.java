package dev.agentos.flink.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest complete checkpoint a job left in its folder ({@code <job-id>/chk-<n>}, complete
 * once it holds {@code _metadata}), so a restarted runner resumes each job with its state and its
 * sources' positions instead of starting it over.
 */
final class LatestCheckpoint {

  private LatestCheckpoint() {}

  static Optional<Path> in(Path jobFolder) throws IOException {
    if (!Files.isDirectory(jobFolder)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(jobFolder)) {
      return runs.filter(Files::isDirectory)
          .flatMap(LatestCheckpoint::checkpoints)
          .filter(checkpoint -> Files.isRegularFile(checkpoint.resolve("_metadata")))
          .max(Comparator.comparingLong(LatestCheckpoint::modified));
    }
  }

  private static Stream<Path> checkpoints(Path run) {
    try (Stream<Path> entries = Files.list(run)) {
      return entries
          .filter(entry -> entry.getFileName().toString().startsWith("chk-"))
          .toList()
          .stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static long modified(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve("_metadata")).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }
}
