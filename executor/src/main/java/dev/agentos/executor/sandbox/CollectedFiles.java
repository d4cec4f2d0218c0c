package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back the files a request names from its work folder once the sandbox has ended. The program
 * made those files, so they are read as untrusted: a link (to /etc/shadow, to the executor's own
 * data) or a pipe (which would block the reader) is not followed but left out, as is anything
 * reached through a linked folder; and all of them together are read up to a bound. No process of
 * the run is left by then, so nothing can swap a file between the check and the read.
 */
final class CollectedFiles {

  private CollectedFiles() {}

  /**
   * The regular files at {@code paths} (relative to {@code folder}); a path that names a folder
   * gives every regular file directly inside it, under "folder/name". Missing paths give nothing.
   *
   * @param maxBytes how much of all the files together is kept
   */
  static Map<String, CollectedFile> read(WorkFolder folder, List<String> paths, long maxBytes) {
    Map<String, CollectedFile> collected = new LinkedHashMap<>();
    long left = maxBytes;
    for (String relative : paths) {
      for (String file : regularFiles(folder, relative)) {
        if (collected.containsKey(file)) {
          continue;
        }
        Optional<CollectedFile> read = readAtMost(folder.inside(file), left);
        if (read.isPresent()) {
          collected.put(file, read.get());
          left -= read.get().size();
        }
      }
    }
    return collected;
  }

  private static List<String> regularFiles(WorkFolder folder, String relative) {
    Path path = folder.inside(relative);
    if (!reachableWithoutLinks(folder.path(), path)) {
      return List.of();
    }
    Optional<BasicFileAttributes> attributes = attributes(path);
    if (attributes.isEmpty()) {
      return List.of();
    }
    if (attributes.get().isRegularFile()) {
      return List.of(relative);
    }
    if (!attributes.get().isDirectory()) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    try (var entries = Files.list(path)) {
      entries
          .filter(entry -> attributes(entry).map(BasicFileAttributes::isRegularFile).orElse(false))
          .map(entry -> folder.path().relativize(entry).toString())
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      return List.of();
    }
    return files;
  }

  /** Whether every folder between the work folder and {@code path} is a real folder, no link. */
  private static boolean reachableWithoutLinks(Path root, Path path) {
    for (Path dir = path.getParent(); !dir.equals(root); dir = dir.getParent()) {
      if (!attributes(dir).map(BasicFileAttributes::isDirectory).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<BasicFileAttributes> attributes(Path path) {
    try {
      return Optional.of(
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The start of the file; empty if it cannot be read (the program took its permissions off). */
  private static Optional<CollectedFile> readAtMost(Path file, long maxBytes) {
    int keep = (int) Math.min(Math.max(0, maxBytes), Integer.MAX_VALUE - 8);
    try (InputStream in =
        Channels.newInputStream(
            Files.newByteChannel(
                file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
      byte[] kept = in.readNBytes(keep);
      boolean truncated = in.read() != -1;
      return Optional.of(new CollectedFile(kept, truncated));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
