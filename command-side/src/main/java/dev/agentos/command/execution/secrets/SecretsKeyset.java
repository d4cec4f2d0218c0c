package dev.agentos.command.execution.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * The key that seals executions' environments: a Tink keyset of one AES-256-GCM key, made once and
 * kept in a file only its owner may read, like the bootstrap admin key. Not in PostgreSQL, so a
 * copy of the database alone opens nothing. A file others may read is refused at start: the key
 * would be as exposed as the values it protects.
 */
public final class SecretsKeyset {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SecretsKeyset() {}

  /** The AEAD of the keyset in {@code file}, made there first when the file does not exist. */
  public static Aead loadOrCreate(Path file) throws IOException, GeneralSecurityException {
    AeadConfig.register();
    if (!Files.exists(file)) {
      create(file);
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new IllegalStateException(
          file.toAbsolutePath()
              + " holds the key that seals executions' environments and is readable by others ("
              + PosixFilePermissions.toString(permissions)
              + "): chmod 600 it");
    }
    KeysetHandle keyset =
        TinkJsonProtoKeysetFormat.parseKeyset(
            Files.readString(file), InsecureSecretKeyAccess.get());
    return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** Written beside the target and moved into place, so a crash never leaves half a key. */
  private static void create(Path file) throws IOException, GeneralSecurityException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    String keyset =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            InsecureSecretKeyAccess.get());
    Path partial =
        Files.createTempFile(
            folder, ".keyset-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.writeString(partial, keyset);
    try {
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }
}
