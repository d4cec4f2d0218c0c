package dev.agentos.flink.prediction.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelPromoted;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PromotionsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
  private final List<SpecificRecord> history = new ArrayList<>();

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust(); // a ModelTrained builder loads CalibrationBin for its default
  }

  @Test
  void aTrainedVersionIsPromotedOverTheChampionItReplaces() {
    history.add(trained("acme", "v1"));
    history.add(trained("acme", "v2"));
    history.add(Promotions.promote(history, "acme", "execution-success", "v1", "pin", false, NOW));

    ModelPromoted promotion =
        Promotions.promote(history, "acme", "execution-success", "v2", "better AUC", false, NOW);

    assertThat(promotion.getModelVersion()).isEqualTo("v2");
    assertThat(promotion.getPreviousVersion()).isEqualTo("v1");
    assertThat(promotion.getReason()).isEqualTo("better AUC");
    assertThat(promotion.getHeader().getTenantId()).isEqualTo("acme");
    assertThat(((ModelPromoted) history.get(2)).getPreviousVersion()).isEqualTo("v2");
  }

  @Test
  void anUnknownVersionOrAnotherTenantsIsRefusedNamingTheVersionsThereAre() {
    history.add(trained("acme", "v1"));
    history.add(trained("globex", "v7"));

    assertThatThrownBy(
            () -> Promotions.promote(history, "acme", "execution-success", "v7", "", false, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant acme has no version v7 of model execution-success; it has [v1]");
    assertThatThrownBy(
            () -> Promotions.promote(history, "initech", "execution-success", "v1", "", false, NOW))
        .hasMessageContaining("it has none: run ./agentos retrain");
  }

  @Test
  void promotingTheChampionAgainIsRefused() {
    history.add(trained("acme", "v1"));
    history.add(Promotions.promote(history, "acme", "execution-success", "v1", "", false, NOW));

    assertThatThrownBy(
            () -> Promotions.promote(history, "acme", "execution-success", "v1", "", false, NOW))
        .hasMessage("v1 is already the champion of execution-success");
  }

  @Test
  void aVersionWorseThanGuessingTheBaseRateIsPromotedOnlyWhenForced() {
    history.add(trained("acme", "v1", Map.of("logLoss", 0.61, "baselineLogLoss", 0.69)));
    history.add(trained("acme", "v2", Map.of("logLoss", 0.86, "baselineLogLoss", 0.69)));

    assertThat(Promotions.promote(history, "acme", "execution-success", "v1", "", false, NOW))
        .extracting(ModelPromoted::getModelVersion)
        .isEqualTo("v1");
    assertThatThrownBy(
            () -> Promotions.promote(history, "acme", "execution-success", "v2", "", false, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "v2 of model execution-success does not beat guessing the base rate on its held-out"
                + " slice (log loss 0.860, the base rate's 0.690): promote it with --force if you"
                + " must");
    assertThat(Promotions.promote(history, "acme", "execution-success", "v2", "", true, NOW))
        .extracting(ModelPromoted::getModelVersion)
        .isEqualTo("v2");
  }

  private static ModelTrained trained(String tenant, String version) {
    return trained(tenant, version, Map.of());
  }

  private static ModelTrained trained(String tenant, String version, Map<String, Double> metrics) {
    return ModelTrained.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(tenant + version)
                .setOccurredAt(NOW)
                .setTenantId(tenant)
                .setProjectId("*")
                .setAgentId("agentos-retrain")
                .setSource("test")
                .build())
        .setModelName("execution-success")
        .setModelVersion(version)
        .setAlgorithm("xgboost")
        .setFeatureSetVersion("p1")
        .setTrainedOn(100)
        .setMetrics(metrics)
        .setWindowStart(NOW)
        .setWindowEnd(NOW)
        .build();
  }
}
