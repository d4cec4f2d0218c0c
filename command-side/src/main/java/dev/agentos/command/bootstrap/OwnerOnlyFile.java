package dev.agentos.command.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A key written where only its owner reads it: created {@code rw-------}, never widened after. */
final class OwnerOnlyFile {

  private OwnerOnlyFile() {}

  static void write(Path file, String key) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, key + System.lineSeparator());
  }
}
