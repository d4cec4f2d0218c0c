package dev.agentos.command.execution.secrets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.Aead;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Seals an execution's environment values with an AEAD (Tink's AES-256-GCM, {@link SecretsKeyset}),
 * bound to their execution: the associated data is the execution's stream id ({@link StreamIds#of}
 * tenant and id, injective), so a sealed value copied to another execution or tenant does not open
 * there.
 */
public final class EnvironmentCipher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> ENVIRONMENT = new TypeReference<>() {};

  private final Aead aead;

  public EnvironmentCipher(Aead aead) {
    this.aead = aead;
  }

  public byte[] seal(String tenantId, String executionId, Map<String, String> environment) {
    try {
      byte[] plain = JSON.writeValueAsBytes(environment);
      return aead.encrypt(plain, associatedData(tenantId, executionId));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an environment", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws GeneralSecurityException when {@code sealed} was not sealed for this execution by this
   *     key, or was changed since
   */
  public Map<String, String> open(String tenantId, String executionId, byte[] sealed)
      throws GeneralSecurityException {
    byte[] plain = aead.decrypt(sealed, associatedData(tenantId, executionId));
    try {
      return Map.copyOf(JSON.readValue(plain, ENVIRONMENT));
    } catch (IOException e) {
      throw new GeneralSecurityException("a sealed environment is not a map of strings", e);
    }
  }

  private static byte[] associatedData(String tenantId, String executionId) {
    return StreamIds.of(tenantId, executionId).getBytes(StandardCharsets.UTF_8);
  }
}
