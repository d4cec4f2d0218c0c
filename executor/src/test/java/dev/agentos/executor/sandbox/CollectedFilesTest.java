package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectedFilesTest {

  @TempDir Path root;
  @TempDir Path outside;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsFilesAndTheFilesDirectlyInAFolderAndLeavesOutWhatIsMissing() {
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      folder.place(
          Map.of(
              "report.xml", bytes("<testsuites/>"),
              "reports/TEST-A.xml", bytes("a"),
              "reports/TEST-B.xml", bytes("b"),
              "reports/deeper/TEST-C.xml", bytes("c")));

      Map<String, CollectedFile> collected =
          CollectedFiles.read(folder, List.of("report.xml", "reports", "absent.xml"), 1000);

      assertThat(collected)
          .containsOnlyKeys("report.xml", "reports/TEST-A.xml", "reports/TEST-B.xml");
      assertThat(new String(collected.get("report.xml").bytes(), StandardCharsets.UTF_8))
          .isEqualTo("<testsuites/>");
      assertThat(collected.get("report.xml").truncated()).isFalse();
    }
  }

  @Test
  void aLinkOrALinkedFolderIsNotFollowedOutOfTheWorkFolder() throws Exception {
    Path secret = Files.writeString(outside.resolve("secret"), "host secret");
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      Files.createSymbolicLink(folder.path().resolve("report.xml"), secret);
      Files.createSymbolicLink(folder.path().resolve("reports"), outside);

      assertThat(
              CollectedFiles.read(folder, List.of("report.xml", "reports", "reports/secret"), 1000))
          .isEmpty();
    }
  }

  @Test
  void aPipeIsNotReadSoItCannotBlockTheExecutor() throws Exception {
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      Process mkfifo =
          new ProcessBuilder("mkfifo", folder.path().resolve("report.xml").toString()).start();
      assertThat(mkfifo.waitFor()).isZero();

      assertThat(CollectedFiles.read(folder, List.of("report.xml"), 1000)).isEmpty();
    }
  }

  @Test
  void allTheFilesTogetherAreReadUpToTheBound() {
    try (WorkFolder folder = WorkFolder.create(root, OptionalInt.empty())) {
      folder.place(Map.of("a.xml", new byte[600], "b.xml", new byte[600]));

      Map<String, CollectedFile> collected =
          CollectedFiles.read(folder, List.of("a.xml", "b.xml"), 1000);

      assertThat(collected.get("a.xml").size()).isEqualTo(600);
      assertThat(collected.get("a.xml").truncated()).isFalse();
      assertThat(collected.get("b.xml").size()).isEqualTo(400);
      assertThat(collected.get("b.xml").truncated()).isTrue();
    }
  }
}
