package dev.agentos.flink.prediction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.flink.prediction.Example;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.training.ModelTrainer;
import dev.agentos.flink.prediction.training.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArtifactsTest {

  private static final Instant TRAINED_AT = Instant.parse("2026-12-07T20:15:00.250Z");

  @TempDir Path folder;

  @Test
  void aStoredModelLoadsBackAndPredictsExactlyAsTrained() throws IOException {
    byte[] model = trainedModel();
    ModelArtifacts artifacts = new ModelArtifacts(folder, new Random(1));

    ModelArtifacts.StoredArtifact stored =
        artifacts.store("tenant-a", "execution-success", TRAINED_AT, model);

    assertThat(stored.version()).matches("20261207T201500Z-[0-9a-f]{4}");
    assertThat(Path.of(stored.uri()))
        .isEqualTo(folder.resolve("tenant-a/execution-success/" + stored.version() + "/model.ubj"));
    assertThat(stored.sha256()).isEqualTo(ModelArtifacts.sha256(model)).hasSize(64);
    double[][] rows = {{0.5, -1, Double.NaN}, {-2, 1, 0.3}, {Double.NaN, Double.NaN, Double.NaN}};
    try (TrainedModel trained = TrainedModel.fromBytes(model);
        TrainedModel loaded = TrainedModel.load(stored.uri(), stored.sha256())) {
      assertThat(loaded.featureNames()).containsExactly("x1", "x2", "x3");
      assertThat(loaded.featureCount()).isEqualTo(3);
      for (double[] row : rows) {
        assertThat(loaded.predict(row)).isEqualTo(trained.predict(row)).isBetween(0f, 1f);
      }
      assertThat(loaded.predictAll(rows))
          .containsExactly(
              trained.predict(rows[0]), trained.predict(rows[1]), trained.predict(rows[2]));
    }
  }

  @Test
  void aChangedArtifactIsRefused() throws IOException {
    ModelArtifacts.StoredArtifact stored =
        new ModelArtifacts(folder, new Random(1))
            .store("tenant-a", "execution-success", TRAINED_AT, trainedModel());
    Path file = Path.of(stored.uri());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> TrainedModel.load(stored.uri(), stored.sha256()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing model artifact " + stored.uri())
        .hasMessageContaining("recorded with " + stored.sha256());
  }

  @Test
  void aVersionTakenInTheSameSecondIsNeverReused() throws IOException {
    RandomGenerator sameTwiceThenAnother =
        new Random(0) {
          private int calls;

          @Override
          public int nextInt(int bound) {
            return calls++ < 2 ? 0xabc : 0xdef;
          }
        };
    ModelArtifacts artifacts = new ModelArtifacts(folder, sameTwiceThenAnother);

    String first = artifacts.store("t", "m", TRAINED_AT, new byte[] {1}).version();
    String second = artifacts.store("t", "m", TRAINED_AT, new byte[] {2}).version();

    assertThat(first).isEqualTo("20261207T201500Z-0abc");
    assertThat(second).isEqualTo("20261207T201500Z-0def");
  }

  @Test
  void tenantIdsBecomeOneSafeSegmentEach() throws IOException {
    assertThat(ModelArtifacts.segment("acme-42_x")).isEqualTo("acme-42_x");
    assertThat(ModelArtifacts.segment("..")).isEqualTo("%2E%2E");
    assertThat(ModelArtifacts.segment("a/b\\c")).isEqualTo("a%2Fb%5Cc");
    assertThat(ModelArtifacts.segment("50%")).isEqualTo("50%25");
    assertThat(ModelArtifacts.segment("é")).isEqualTo("%C3%A9");
    assertThatThrownBy(() -> ModelArtifacts.segment(""))
        .isInstanceOf(IllegalArgumentException.class);

    ModelArtifacts.StoredArtifact stored =
        new ModelArtifacts(folder, new Random(1))
            .store("../../etc", "m", TRAINED_AT, new byte[] {1});

    assertThat(Path.of(stored.uri())).startsWith(folder.resolve("%2E%2E%2F%2E%2E%2Fetc"));
    assertThat(Files.readAllBytes(Path.of(stored.uri()))).containsExactly(1);
  }

  private static byte[] trainedModel() {
    Random random = new Random(9);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      examples.add(
          new Example(
              "tenant-a",
              PredictionTarget.EXECUTION_SUCCESS,
              "e" + i,
              1_000L * i,
              new double[] {x1, x2, random.nextBoolean() ? Double.NaN : random.nextGaussian()},
              random.nextDouble() < 1 / (1 + Math.exp(-(2 * x1 - x2)))));
    }
    TrainingOutcome outcome =
        new ModelTrainer(List.of("x1", "x2", "x3"))
            .train("tenant-a", PredictionTarget.EXECUTION_SUCCESS, examples);
    return ((TrainingOutcome.Trained) outcome).artifact();
  }
}
