package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The one folder a run may write to: created empty for the run, given to the sandbox's user, and
 * removed with everything in it afterwards, whatever the program did to its permissions.
 */
final class WorkFolder implements AutoCloseable {

  private final Path path;
  private final OptionalInt owner;

  private WorkFolder(Path path, OptionalInt owner) {
    this.path = path;
    this.owner = owner;
  }

  /**
   * A new folder under {@code root}. {@code owner} is the uid the sandbox runs as when the executor
   * runs as root: the folder must be that user's for the program to write in it.
   */
  static WorkFolder create(Path root, OptionalInt owner) {
    try {
      Files.createDirectories(root);
      Path path = root.resolve("run-" + UUID.randomUUID());
      Files.createDirectory(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      WorkFolder folder = new WorkFolder(path, owner);
      folder.giveToOwner(path);
      return folder;
    } catch (IOException e) {
      throw new SandboxException("cannot create a work folder under " + root, e);
    }
  }

  /**
   * Lets the sandbox's user pass through {@code root} (not list it): bwrap runs as that user and
   * must reach the work folder to show it at /work. The folders above must let it pass too.
   */
  static void openForTraversal(Path root) {
    try {
      Files.createDirectories(root);
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    } catch (IOException e) {
      throw new SandboxException("cannot prepare the work folders' root " + root, e);
    }
  }

  Path path() {
    return path;
  }

  /** Where bwrap reports on the run: beside the folder, out of the program's sight. */
  Path statusFile() {
    return path.resolveSibling(path.getFileName() + ".status");
  }

  /** Writes the files, by paths relative to the folder that must stay inside it. */
  void place(Map<String, byte[]> files) {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = inside(file.getKey());
      try {
        for (Path dir = target.getParent(); !dir.equals(path); dir = dir.getParent()) {
          if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
          }
        }
        Files.write(target, file.getValue());
        for (Path p = target; !p.equals(path); p = p.getParent()) {
          giveToOwner(p);
        }
      } catch (IOException e) {
        throw new SandboxException("cannot place " + file.getKey() + " in the work folder", e);
      }
    }
  }

  /** The path of a file the request names, refused if it would land outside the folder. */
  Path inside(String relative) {
    Path target = path.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !target.startsWith(path) || target.equals(path)) {
      throw new IllegalArgumentException("a file must be inside the work folder: " + relative);
    }
    return target;
  }

  /**
   * Removes the folder and everything in it. The program may have taken the permissions off its own
   * folders, so each folder gets them back before it is read.
   */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(statusFile());
      if (!Files.exists(path)) {
        return;
      }
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new SandboxException("cannot remove the work folder " + path, e);
    }
  }

  private void giveToOwner(Path p) throws IOException {
    if (owner.isPresent()) {
      Files.setAttribute(p, "unix:uid", owner.getAsInt());
      Files.setAttribute(p, "unix:gid", owner.getAsInt());
    }
  }
}
