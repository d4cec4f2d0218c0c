package dev.agentos.flink.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.derived.ModelTrained;
import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.model.ModelArtifacts;
import dev.agentos.flink.prediction.model.TrainedModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingTest {

  private static final Instant NOW = Instant.parse("2026-12-07T20:15:00Z");

  @TempDir Path folder;

  @Test
  void trainsEveryTenantsModelStoresItAnnouncesItAndRefusesTheOneWithTooLittleHistory()
      throws Exception {
    List<Example> examples = new ArrayList<>(SyntheticHistory.withSignal(1_000, 1));
    for (Example small : SyntheticHistory.withSignal(40, 2)) {
      examples.add(
          new Example(
              "tenant-b",
              PredictionTarget.SUGGESTION_VERIFICATION,
              small.subjectId(),
              small.requestedAtMillis(),
              small.features(),
              small.succeeded()));
    }
    List<ModelTrained> announced = new ArrayList<>();
    Retraining retraining =
        new Retraining(
            new ModelArtifacts(folder, new Random(1)),
            announced::add,
            Clock.fixed(NOW, ZoneOffset.UTC),
            "p1",
            SyntheticHistory.FEATURES);

    List<Retraining.Result> results = retraining.trainAll(examples);

    assertThat(results).hasSize(2);
    assertThat(results.get(0).outcome()).isInstanceOf(TrainingOutcome.Trained.class);
    assertThat(results.get(1).outcome()).isInstanceOf(TrainingOutcome.Refused.class);
    assertThat(results.get(1).event()).isNull();
    assertThat(announced).containsExactly(results.get(0).event());
    ModelTrained event = announced.get(0);
    assertThat(event.getHeader().getTenantId()).isEqualTo("tenant-a");
    assertThat(event.getModelName()).isEqualTo("execution-success");
    assertThat(event.getModelVersion()).startsWith("20261207T201500Z-");
    assertThat(event.getMetrics().get("auc")).isGreaterThan(0.8);
    try (TrainedModel model =
        TrainedModel.load(URI.create(event.getArtifactUri()), event.getArtifactSha256())) {
      assertThat(model.featureNames()).containsExactly("x1", "x2", "x3");
    }

    String table = MetricsTable.of(results);
    System.out.print(table);
    assertThat(table.lines())
        .hasSize(3)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("tenant-a")
                    .contains("execution-success", " 800 ", " 200 ", event.getModelVersion()))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("tenant-b")
                    .contains("suggestion-verification", "refused: 40 examples (", "at least 100"));
  }
}
