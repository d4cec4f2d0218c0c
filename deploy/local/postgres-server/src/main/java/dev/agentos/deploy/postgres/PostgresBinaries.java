package dev.agentos.deploy.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The extracted PostgreSQL binaries. zonky extracts its archive into {@code PG-<digest>} under its
 * working folder and marks the extraction finished with a {@code .exists} file; an extraction that
 * was interrupted (a kill, a full disk, an OutOfMemoryError) leaves the folder without the mark,
 * and zonky's next extraction then fails on the first file already there ({@code
 * FileAlreadyExistsException: …/lib/libpq.so}) on every later start. An unfinished folder is
 * therefore removed before zonky looks, so the next start extracts again from scratch.
 *
 * <p>Only one holder runs per stack folder (the launcher starts one PostgreSQL per home), so no
 * other process can be extracting into the same folder at that moment.
 */
final class PostgresBinaries {

  /** zonky's mark of a finished extraction. */
  static final String FINISHED = ".exists";

  private PostgresBinaries() {}

  /**
   * Removes every {@code PG-*} folder under {@code binariesDir} that lacks the finished mark.
   *
   * @return the folders removed
   */
  static List<Path> discardUnfinished(Path binariesDir) throws IOException {
    Files.createDirectories(binariesDir);
    List<Path> unfinished;
    try (Stream<Path> folders = Files.list(binariesDir)) {
      unfinished =
          folders
              .filter(Files::isDirectory)
              .filter(folder -> folder.getFileName().toString().startsWith("PG-"))
              .filter(folder -> !Files.exists(folder.resolve(FINISHED)))
              .toList();
    }
    for (Path folder : unfinished) {
      System.out.println("Removing an unfinished extraction of PostgreSQL: " + folder);
      deleteTree(folder);
    }
    return unfinished;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      // Deepest first; symbolic links are deleted, never followed.
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
