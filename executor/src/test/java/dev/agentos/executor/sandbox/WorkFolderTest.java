package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFolderTest {

  @TempDir Path root;

  @Test
  void placesTheFilesInsideAndRemovesEverythingAfterwards() throws Exception {
    Path placed;
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      folder.place(Map.of("src/app/main.py", "print(1)".getBytes(StandardCharsets.UTF_8)));
      placed = folder.path();
      assertThat(placed.resolve("src/app/main.py")).hasContent("print(1)");
      // The program took the permissions off one of its folders.
      Files.setPosixFilePermissions(
          placed.resolve("src"), PosixFilePermissions.fromString("---------"));
      Files.writeString(folder.statusFile(), "{}");
    }
    assertThat(placed).doesNotExist();
    try (var left = Files.list(root)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void refusesFilesThatWouldLandOutsideTheFolder() {
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      for (String path : new String[] {"../escape", "/etc/passwd", "a/../../escape", ".", ""}) {
        assertThatThrownBy(() -> folder.inside(path))
            .as(path)
            .isInstanceOf(IllegalArgumentException.class);
      }
      assertThat(folder.inside("a/../b.txt")).isEqualTo(folder.path().resolve("b.txt"));
    }
  }
}
