package dev.agentos.command.execution.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EnvironmentVault} in a map, sealing with the real {@link EnvironmentCipher} under a
 * fresh key, for aggregate tests: what a test sees kept is what PostgreSQL would hold.
 */
public final class InMemoryEnvironmentVault implements EnvironmentVault {

  private final EnvironmentCipher cipher = new EnvironmentCipher(freshKey());
  private final Map<String, byte[]> sealed = new HashMap<>();

  @Override
  public void seal(String tenantId, String executionId, Map<String, String> environment) {
    sealed.putIfAbsent(key(tenantId, executionId), cipher.seal(tenantId, executionId, environment));
  }

  @Override
  public Map<String, String> open(String tenantId, String executionId) {
    byte[] bytes = sealed.get(key(tenantId, executionId));
    if (bytes == null) {
      throw new EnvironmentUnavailableException(executionId, "its values are not kept");
    }
    try {
      return cipher.open(tenantId, executionId, bytes);
    } catch (GeneralSecurityException e) {
      throw new EnvironmentUnavailableException(executionId, e.getMessage());
    }
  }

  @Override
  public void discard(String tenantId, String executionId) {
    sealed.remove(key(tenantId, executionId));
  }

  /** The sealed bytes kept for the execution, if any. */
  public Optional<byte[]> sealedOf(String tenantId, String executionId) {
    return Optional.ofNullable(sealed.get(key(tenantId, executionId)));
  }

  private static String key(String tenantId, String executionId) {
    return tenantId + "/" + executionId;
  }

  /** A new AES-256-GCM key, as {@link SecretsKeyset} makes one. */
  public static Aead freshKey() {
    try {
      AeadConfig.register();
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
