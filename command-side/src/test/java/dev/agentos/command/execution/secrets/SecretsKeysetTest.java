package dev.agentos.command.execution.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyset is made once, owner-only, and the same key comes back at every start. */
class SecretsKeysetTest {

  @TempDir Path folder;

  @Test
  void makesTheKeysetOnceReadableByItsOwnerOnlyAndLoadsTheSameKeyAfterwards() throws Exception {
    Path file = folder.resolve("data").resolve("secrets-keyset.json");

    Aead first = SecretsKeyset.loadOrCreate(file);
    String written = Files.readString(file);
    Aead second = SecretsKeyset.loadOrCreate(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo(written);
    byte[] sealed = new EnvironmentCipher(first).seal("t1", "e1", Map.of("K", "v"));
    assertThat(new EnvironmentCipher(second).open("t1", "e1", sealed)).containsEntry("K", "v");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).as("no partial keyset left beside it").containsExactly(file);
    }
  }

  @Test
  void refusesAKeysetOthersMayRead() throws Exception {
    Path file = folder.resolve("secrets-keyset.json");
    SecretsKeyset.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SecretsKeyset.loadOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void doesNotOpenWhatAnotherKeysetSealed() throws Exception {
    Aead one = SecretsKeyset.loadOrCreate(folder.resolve("one.json"));
    Aead two = SecretsKeyset.loadOrCreate(folder.resolve("two.json"));

    byte[] sealed = one.encrypt("v".getBytes(StandardCharsets.UTF_8), new byte[0]);

    assertThatThrownBy(() -> two.decrypt(sealed, new byte[0]))
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }
}
