package dev.agentos.command.execution.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sealed environment opens only for its own execution of its own tenant, unchanged. */
class EnvironmentCipherTest {

  private static final Map<String, String> ENVIRONMENT =
      Map.of("API_TOKEN", "s3cr3t-value-42", "MODE", "ci");

  private final EnvironmentCipher cipher =
      new EnvironmentCipher(InMemoryEnvironmentVault.freshKey());

  @Test
  void opensWhatItSealedWithoutHoldingAnyValueInClear() throws GeneralSecurityException {
    byte[] sealed = cipher.seal("t1", "e1", ENVIRONMENT);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
        .doesNotContain("s3cr3t-value-42")
        .doesNotContain("API_TOKEN");
    assertThat(cipher.open("t1", "e1", sealed)).isEqualTo(ENVIRONMENT);
  }

  @Test
  void doesNotOpenForAnotherExecutionOrTenant() {
    byte[] sealed = cipher.seal("t1", "e1", ENVIRONMENT);

    assertThatThrownBy(() -> cipher.open("t1", "e2", sealed))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> cipher.open("t2", "e1", sealed))
        .isInstanceOf(GeneralSecurityException.class);
    // The associated data is length-prefixed: "t1/e1" cannot be respelled as tenant "t1/e" + "1".
    assertThatThrownBy(() -> cipher.open("t1/e", "1", sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void doesNotOpenAChangedSeal() {
    byte[] sealed = cipher.seal("t1", "e1", ENVIRONMENT);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.open("t1", "e1", sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void doesNotOpenWithAnotherKey() {
    byte[] sealed = cipher.seal("t1", "e1", ENVIRONMENT);
    EnvironmentCipher other = new EnvironmentCipher(InMemoryEnvironmentVault.freshKey());

    assertThatThrownBy(() -> other.open("t1", "e1", sealed))
        .isInstanceOf(GeneralSecurityException.class);
  }
}
