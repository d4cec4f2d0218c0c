package dev.agentos.readmodels.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.readmodels.models.ModelRoles.Promoted;
import dev.agentos.readmodels.models.ModelRoles.Trained;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The serving rule: the last promoted version is champion; before any promotion the newest trained
 * one; after one, the newest version trained later than the promoted one is the challenger.
 */
class ModelRolesTest {

  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

  private static Trained trained(String version, int day) {
    return new Trained(version, T0.plusSeconds(86_400L * day));
  }

  private static Promoted promoted(String version, int day) {
    return new Promoted(version, T0.plusSeconds(86_400L * day), "e-" + version + "-" + day);
  }

  @Test
  void aModelOfNoVersionHasNoChampion() {
    ModelRoles roles = ModelRoles.of(List.of(), List.of());

    assertThat(roles.champion()).isEmpty();
    assertThat(roles.challenger()).isEmpty();
  }

  @Test
  void beforeAnyPromotionTheNewestTrainedServesAloneWhateverTheOrderRead() {
    ModelRoles roles =
        ModelRoles.of(List.of(trained("v2", 2), trained("v3", 3), trained("v1", 1)), List.of());

    assertThat(roles.champion()).contains("v3");
    assertThat(roles.challenger()).isEmpty();
    assertThat(roles.roleOf("v3")).isEqualTo(ServingRole.CHAMPION);
    assertThat(roles.roleOf("v1")).isEqualTo(ServingRole.RETIRED);
    assertThat(roles.roleOf("v2")).isEqualTo(ServingRole.RETIRED);
  }

  @Test
  void afterAPromotionTheNewestVersionTrainedLaterIsTheChallenger() {
    List<Trained> versions =
        List.of(trained("v1", 1), trained("v2", 2), trained("v3", 5), trained("v4", 6));

    ModelRoles roles = ModelRoles.of(versions, List.of(promoted("v2", 3)));

    assertThat(roles.champion()).contains("v2");
    assertThat(roles.challenger()).contains("v4");
    assertThat(roles.roleOf("v3")).isEqualTo(ServingRole.RETIRED);
    assertThat(roles.roleOf("v1")).isEqualTo(ServingRole.RETIRED);
  }

  @Test
  void aPromotedNewestVersionHasNoChallenger() {
    List<Trained> versions = List.of(trained("v1", 1), trained("v2", 2));

    ModelRoles roles = ModelRoles.of(versions, List.of(promoted("v2", 3)));

    assertThat(roles.champion()).contains("v2");
    assertThat(roles.challenger()).isEmpty();
    assertThat(roles.roleOf("v1")).isEqualTo(ServingRole.RETIRED);
  }

  @Test
  void theLastPromotionWinsEvenARollbackToAnOlderVersion() {
    List<Trained> versions = List.of(trained("v1", 1), trained("v2", 2));
    List<Promoted> promotions = List.of(promoted("v1", 9), promoted("v2", 3), promoted("v1", 1));

    ModelRoles roles = ModelRoles.of(versions, promotions);

    assertThat(roles.champion()).contains("v1");
    assertThat(roles.challenger()).as("v2 was trained later than v1").contains("v2");
  }

  @Test
  void aPromotedVersionNotYetKnownAsTrainedIsChampionWithNoChallenger() {
    ModelRoles roles = ModelRoles.of(List.of(trained("v1", 1)), List.of(promoted("v9", 2)));

    assertThat(roles.champion()).contains("v9");
    assertThat(roles.challenger()).isEmpty();
    assertThat(roles.roleOf("v1")).isEqualTo(ServingRole.RETIRED);
  }

  @Test
  void versionsTrainedAtTheSameInstantAreOrderedByVersion() {
    ModelRoles roles = ModelRoles.of(List.of(trained("b", 1), trained("a", 1)), List.of());

    assertThat(roles.champion()).contains("b");
  }
}
