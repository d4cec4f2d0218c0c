package dev.agentos.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.schemas.streams.StreamIds;
import org.junit.jupiter.api.Test;

class BootstrapSettingsTest {

  @Test
  void aTenantIdAStreamIdCanHoldIsAccepted() {
    String longest = "t".repeat(StreamIds.MAX_TENANT_LENGTH);

    assertThat(new CommandSideProperties.Bootstrap(longest, "p", null, null, null).tenantId())
        .isEqualTo(longest);
  }

  @Test
  void aTenantIdTooLongForAStreamIdIsRefusedAtStartNamingTheSetting() {
    String tooLong = "t".repeat(StreamIds.MAX_TENANT_LENGTH + 1);

    assertThatThrownBy(() -> new CommandSideProperties.Bootstrap(tooLong, "p", null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("agentos.bootstrap.tenant-id must be 1-100 characters");
  }
}
