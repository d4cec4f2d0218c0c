package dev.agentos.deploy.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

  @TempDir Path binaries;

  @Test
  void anExtractionCutShortIsRemovedSoTheNextStartExtractsAgain() throws Exception {
    // What an OutOfMemoryError in zonky's extraction left behind: files and a library link, no
    // mark.
    Path cut = Files.createDirectories(binaries.resolve("PG-cut/lib"));
    Files.writeString(cut.resolve("libpq.so.5"), "elf");
    Files.createSymbolicLink(cut.resolve("libpq.so"), Path.of("libpq.so.5"));

    assertThat(PostgresBinaries.discardUnfinished(binaries)).containsExactly(cut.getParent());
    assertThat(binaries.resolve("PG-cut")).doesNotExist();
  }

  @Test
  void aFinishedExtractionIsKept() throws Exception {
    Path done = Files.createDirectories(binaries.resolve("PG-done"));
    Files.createFile(done.resolve(PostgresBinaries.FINISHED));

    assertThat(PostgresBinaries.discardUnfinished(binaries)).isEmpty();
    assertThat(done.resolve(PostgresBinaries.FINISHED)).exists();
  }

  @Test
  void aLinkIsDeletedNeverFollowed(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("keep"), "not ours");
    Path cut = Files.createDirectories(binaries.resolve("PG-cut"));
    Files.createSymbolicLink(cut.resolve("share"), outside);

    PostgresBinaries.discardUnfinished(binaries);

    assertThat(outside.resolve("keep")).exists();
  }

  @Test
  void aMissingFolderIsCreated() throws Exception {
    Path fresh = binaries.resolve("never-used");

    assertThat(PostgresBinaries.discardUnfinished(fresh)).isEmpty();
    assertThat(fresh).isDirectory();
  }
}
