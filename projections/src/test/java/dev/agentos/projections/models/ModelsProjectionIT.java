package dev.agentos.projections.models;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.models.CalibrationBin;
import dev.agentos.readmodels.models.Model;
import dev.agentos.readmodels.models.ModelPromotion;
import dev.agentos.readmodels.models.ModelReader;
import dev.agentos.readmodels.models.ModelVersion;
import dev.agentos.readmodels.models.ServingRole;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code models-cassandra} projection on the real stack, alone, reading a models topic of this
 * run into a keyspace of this run, published as Flink publishes it: in Kafka transactions, in the
 * registry's wire format, keyed by tenant and model. Trainings, promotions and live reports become
 * a tenant's model with each version's role; a redelivery, an older live report arriving late and
 * an aborted promotion change nothing; a replay rebuilds the same models.
 *
 * <p>The topic has one partition and the processor one segment, so the records are applied in the
 * order sent: once a later model shows, every record before it has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class ModelsProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private final ModelEvents model =
      new ModelEvents("tenant-" + UUID.randomUUID(), "execution-success");

  /** Another tenant's model of the same name: trained from that tenant's history only. */
  private final ModelEvents twin = new ModelEvents("twin-" + UUID.randomUUID(), model.model);

  private static Instant day(int n) {
    return T0.plusSeconds(86_400L * n);
  }

  @Test
  void versionsPromotionsAndLiveReportsBecomeModelsOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage = ProjectionStage.open(stack, ModelsProjection.GROUP, "models");
        TransactionalPublisher publisher = stage.publisher()) {
      ModelTrained v1 = model.trained("v1", day(1), 0.81);
      ModelPerformanceReported v1Live = model.scored("v1", 40, 30, day(4));
      publisher.committed(
          v1,
          model.trained("v2", day(2), 0.83),
          model.promoted("v1", null, day(3)),
          v1Live,
          model.trained("v3", day(5), 0.85),
          twin.trained("v9", day(1), 0.5));

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
        ModelReader reader = new ModelReader(session);
        await().atMost(PROJECTED).until(() -> !reader.models(twin.tenant).isEmpty());
        Model stored = reader.model(model.tenant, model.model).orElseThrow();
        assertThat(stored.champion()).isEqualTo("v1");
        assertThat(stored.challenger()).as("the newest trained after v1").isEqualTo("v3");
        assertThat(stored.versions())
            .extracting(ModelVersion::modelVersion, ModelVersion::role)
            .containsExactly(
                tuple("v3", ServingRole.CHALLENGER),
                tuple("v2", ServingRole.RETIRED),
                tuple("v1", ServingRole.CHAMPION));
        ModelVersion first = stored.versions().get(2);
        assertThat(first.metrics()).containsEntry("auc", 0.81);
        assertThat(first.calibration())
            .containsExactly(
                new CalibrationBin(0.0, 0.5, 120, 0.3, 0.28),
                new CalibrationBin(0.5, 1.0, 80, 0.7, 0.75));
        assertThat(first.featureNames())
            .containsExactly(v1.getFeatureNames().toArray(String[]::new));
        assertThat(first.trainedAt()).isEqualTo(day(1));
        assertThat(first.eventId()).isEqualTo(v1.getHeader().getEventId());
        assertThat(first.live().resolved()).isEqualTo(40);
        assertThat(first.live().accuracy()).isEqualTo(0.75);
        assertThat(stored.versions().get(0).live()).isNull();
        assertThat(stored.promotions())
            .extracting(ModelPromotion::modelVersion, ModelPromotion::promotedAt)
            .containsExactly(tuple("v1", day(3)));
        assertThat(reader.models(model.tenant)).containsExactly(stored);
        assertThat(reader.model(twin.tenant, model.model).orElseThrow().champion())
            .as("before any promotion, the newest trained")
            .isEqualTo("v9");
        assertThat(reader.model(model.tenant, "no-such-model")).isEmpty();

        // A redelivery, an older live report arriving late, a promotion whose transaction
        // aborted; then a marker, which shows once all of them have been read.
        publisher.committed(v1, v1Live, model.scored("v1", 20, 10, day(3)));
        publisher.aborted(model.promoted("v3", "v1", day(6)));
        ModelEvents marker = new ModelEvents(model.tenant, "marker");
        publisher.committed(marker.trained("m1", day(1), 0.5));
        await().atMost(PROJECTED).until(() -> reader.model(model.tenant, "marker").isPresent());
        assertThat(reader.model(model.tenant, model.model)).contains(stored);

        stage.replayed(app, () -> reader.model(model.tenant, "marker").isPresent());
        assertThat(reader.model(model.tenant, model.model)).contains(stored);
        assertThat(reader.models(model.tenant))
            .extracting(Model::modelName)
            .containsExactly(model.model, "marker");
      }
    }
  }
}
