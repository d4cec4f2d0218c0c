package dev.agentos.schemas.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamIdsTest {

  @Test
  void prefixesTheIdWithItsTenantAndTheTenantsLength() {
    assertThat(StreamIds.of("t1", "m1")).isEqualTo("2:t1/m1");
  }

  @Test
  void twoTenantsSameIdAreTwoStreams() {
    assertThat(StreamIds.of("t1", "m1")).isNotEqualTo(StreamIds.of("t2", "m1"));
  }

  @Test
  void noPairSpellsAnotherPairsId() {
    // Without the length, tenant "a/b" with id "c" and tenant "a" with id "b/c" would collide.
    assertThat(StreamIds.of("a/b", "c")).isNotEqualTo(StreamIds.of("a", "b/c"));
    assertThat(StreamIds.of("1:a", "b")).isNotEqualTo(StreamIds.of("1", "a/b"));
  }

  @Test
  void givesBackThePublicId() {
    assertThat(StreamIds.idOf(StreamIds.of("a/b:3", "c/d"))).isEqualTo("c/d");
    assertThat(StreamIds.idOf(StreamIds.of("t", ""))).isEmpty();
  }

  @Test
  void refusesWhatIsNotAStreamId() {
    assertThatThrownBy(() -> StreamIds.idOf("m1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamIds.idOf("x:t/m1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamIds.idOf("9:t/m1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLongestTenantAndIdFitAxonsColumn() {
    String longest =
        StreamIds.of("t".repeat(StreamIds.MAX_TENANT_LENGTH), "m".repeat(StreamIds.MAX_ID_LENGTH));
    assertThat(longest.length()).isLessThanOrEqualTo(255);
  }

  @Test
  void refusesATenantTooLongToFit() {
    assertThatThrownBy(() -> StreamIds.of("t".repeat(StreamIds.MAX_TENANT_LENGTH + 1), "m1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
