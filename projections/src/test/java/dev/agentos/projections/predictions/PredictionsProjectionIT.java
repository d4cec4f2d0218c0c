package dev.agentos.projections.predictions;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.predictions.Prediction;
import dev.agentos.readmodels.predictions.PredictionOutcome.Result;
import dev.agentos.readmodels.predictions.PredictionReader;
import dev.agentos.readmodels.predictions.PredictionSubject;
import dev.agentos.readmodels.predictions.SubjectPredictions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code predictions-cassandra} projection on the real stack, alone, reading a predictions
 * topic and an executions topic of this run into a keyspace of this run, each published in Kafka
 * transactions in the registry's wire format. Predictions and the outcomes that follow (or come
 * first) end in the same partition whatever their order; a redelivered event and an aborted
 * transaction change nothing; a replay rebuilds the same answers.
 *
 * <p>One processor reads both topics, in no order relative to each other: what is awaited is each
 * topic's own last record, after which every earlier record of that topic has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class PredictionsProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private final PredictionEvents p1 = new PredictionEvents("tenant-" + UUID.randomUUID(), "p1");

  /** The same tenant's other project, with an execution of the same id. */
  private final PredictionEvents p2 = new PredictionEvents(p1.tenant, "p2");

  @Test
  void predictionsAndOutcomesMeetInEitherOrderOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage =
            ProjectionStage.open(
                stack, PredictionsProjection.GROUP, "predictions", "predictions", "executions");
        TransactionalPublisher publisher = stage.publisher()) {
      String predictions = stage.topic("predictions");
      String executions = stage.topic("executions");
      // e1's outcome is published before its predictions; e2's after; s1 is verified twice, the
      // later verification published first.
      ExecutionCompleted e1Done =
          p1.completed("e1", ExecutionOutcome.SUCCEEDED, 0, false, T0.plusSeconds(5));
      publisher.committed(executions, e1Done);
      PredictionMade e1Champion = p1.ofExecution("e1", "v1", ModelRole.CHAMPION, 0.8f, T0);
      PredictionMade e1Challenger = p1.ofExecution("e1", "v2", ModelRole.CHALLENGER, 0.4f, T0);
      publisher.committed(
          predictions,
          e1Champion,
          e1Challenger,
          p1.ofExecution("e2", "v1", ModelRole.CHAMPION, 0.7f, T0),
          p1.ofSuggestion("s1", "v1", ModelRole.CHAMPION, 0.6f, T0),
          p1.ofExecution("m", "v1", ModelRole.CHAMPION, 0.5f, T0),
          p2.ofExecution("e1", "v1", ModelRole.CHAMPION, 0.1f, T0));
      publisher.committed(
          executions,
          p1.completed("e2", ExecutionOutcome.FAILED, 2, false, T0.plusSeconds(9)),
          p1.verified("s1", VerificationVerdict.PASSED, T0.plusSeconds(60)),
          p1.verified("s1", VerificationVerdict.ERROR, T0.plusSeconds(30)));

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
        PredictionReader reader = new PredictionReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () -> {
                  assertThat(result(reader, "p1", execution("e1"))).contains(Result.SUCCEEDED);
                  assertThat(result(reader, "p1", execution("e2"))).contains(Result.FAILED);
                  assertThat(result(reader, "p1", suggestion("s1"))).contains(Result.SUCCEEDED);
                  assertThat(reader.of(p1.tenant, "p2", execution("e1"))).isPresent();
                });
        SubjectPredictions e1 = reader.of(p1.tenant, "p1", execution("e1")).orElseThrow();
        assertThat(e1.predictions())
            .extracting(Prediction::modelVersion, Prediction::role, Prediction::successProbability)
            .containsExactly(tuple("v1", "CHAMPION", 0.8f), tuple("v2", "CHALLENGER", 0.4f));
        assertThat(e1.predictions().get(0).eventId())
            .isEqualTo(e1Champion.getHeader().getEventId());
        assertThat(e1.outcome().detail()).isEqualTo("SUCCEEDED exit 0");
        assertThat(e1.outcome().eventId()).isEqualTo(e1Done.getHeader().getEventId());
        assertThat(reader.of(p1.tenant, "p1", suggestion("s1")).orElseThrow().outcome().detail())
            .as("the later verification, published first, wins")
            .isEqualTo("PASSED");
        assertThat(reader.of(p1.tenant, "p2", execution("e1")).orElseThrow().outcome())
            .as("another project's execution of the same id")
            .isNull();
        assertThat(reader.of(p1.tenant, "p1", execution("none"))).isEmpty();
        List<Optional<SubjectPredictions>> projected = all(reader);

        // Redeliveries, and a later outcome and a prediction that Flink or the command side
        // aborted; then a marker on each topic, which shows once its topic has been read.
        publisher.committed(predictions, e1Champion, e1Challenger);
        publisher.committed(executions, e1Done);
        publisher.aborted(
            executions,
            p1.completed("e2", ExecutionOutcome.SUCCEEDED, 0, false, T0.plusSeconds(99)));
        publisher.aborted(predictions, p1.ofExecution("e1", "v3", ModelRole.CHALLENGER, 1f, T0));
        publisher.committed(
            predictions, p1.ofExecution("marker", "v1", ModelRole.CHAMPION, 1f, T0));
        publisher.committed(
            executions, p1.completed("m", ExecutionOutcome.SANDBOX_ERROR, null, false, T0));
        await().atMost(PROJECTED).until(() -> markersShown(reader));
        assertThat(result(reader, "p1", execution("m"))).contains(Result.UNKNOWN);
        assertThat(all(reader)).isEqualTo(projected);

        stage.replayed(app, () -> markersShown(reader));
        assertThat(all(reader)).isEqualTo(projected);
      }
    }
  }

  private static PredictionSubject execution(String id) {
    return PredictionSubject.execution(id);
  }

  private static PredictionSubject suggestion(String id) {
    return PredictionSubject.suggestion(id);
  }

  private Optional<Result> result(PredictionReader reader, String project, PredictionSubject s) {
    return reader
        .of(p1.tenant, project, s)
        .map(SubjectPredictions::outcome)
        .map(outcome -> outcome.result());
  }

  private boolean markersShown(PredictionReader reader) {
    return reader.of(p1.tenant, "p1", execution("marker")).isPresent()
        && result(reader, "p1", execution("m")).isPresent();
  }

  private List<Optional<SubjectPredictions>> all(PredictionReader reader) {
    return List.of(
        reader.of(p1.tenant, "p1", execution("e1")),
        reader.of(p1.tenant, "p1", execution("e2")),
        reader.of(p1.tenant, "p1", suggestion("s1")),
        reader.of(p1.tenant, "p2", execution("e1")));
  }
}
