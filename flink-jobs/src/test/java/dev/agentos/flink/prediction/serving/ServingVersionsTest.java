package dev.agentos.flink.prediction.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.flink.io.SourcePosition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingVersionsTest {

  private final ServingVersions versions = new ServingVersions();

  @Test
  void untilAPromotionTheNewestTrainedVersionIsChampionAlone() {
    assertThat(versions.champion()).isNull();

    versions.apply(trained("v1"));
    versions.apply(trained("v2"));

    assertThat(versions.champion().version()).isEqualTo("v2");
    assertThat(versions.challenger()).isNull();
  }

  @Test
  void afterAPromotionAVersionTrainedLaterChallengesIt() {
    versions.apply(trained("v1"));
    versions.apply(trained("v2"));
    versions.apply(promoted("v1"));
    assertThat(versions.champion().version()).isEqualTo("v1");
    assertThat(versions.challenger().version()).isEqualTo("v2");

    versions.apply(trained("v3"));
    assertThat(versions.challenger().version()).isEqualTo("v3");

    versions.apply(promoted("v3"));
    assertThat(versions.champion().version()).isEqualTo("v3");
    assertThat(versions.challenger()).isNull();
  }

  @Test
  void thePromotedVersionIsKeptHoweverManyAreTrainedAfterIt() {
    versions.apply(trained("v0"));
    versions.apply(promoted("v0"));
    for (int i = 1; i <= ServingVersions.KEPT + 5; i++) {
      versions.apply(trained("v" + i));
    }

    assertThat(versions.trained).hasSize(ServingVersions.KEPT);
    assertThat(versions.champion().version()).isEqualTo("v0");
    assertThat(versions.challenger().version()).isEqualTo("v" + (ServingVersions.KEPT + 5));
  }

  static ModelChange trained(String version) {
    return new ModelChange(
        new SourcePosition("models", 0, 0),
        0,
        "acme",
        "execution-success",
        version,
        false,
        "file:/models/" + version,
        "sha-" + version,
        "p1",
        List.of("session.actions", "agent.executions"));
  }

  static ModelChange promoted(String version) {
    return new ModelChange(
        new SourcePosition("models", 0, 1),
        0,
        "acme",
        "execution-success",
        version,
        true,
        "",
        "",
        "",
        List.of());
  }
}
