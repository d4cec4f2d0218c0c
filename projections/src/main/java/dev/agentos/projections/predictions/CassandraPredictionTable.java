package dev.agentos.projections.predictions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.predictions.Prediction;
import dev.agentos.readmodels.predictions.PredictionOutcome;
import dev.agentos.readmodels.predictions.PredictionSchema;
import java.util.List;

/**
 * {@value PredictionSchema#TABLE} in Cassandra, each write one statement, a batch's concurrently. A
 * prediction is a plain insert of its row (its key is its model version's: written again, the same
 * cells). An outcome updates the partition's static cells {@code USING TIMESTAMP} its event time in
 * microseconds, so the latest outcome wins in any order and a redelivery changes nothing; the
 * projection is the table's one writer, and a replay empties it first, as its reset does.
 */
final class CassandraPredictionTable {

  private final CqlSession session;
  private final PreparedStatement insert;
  private final PreparedStatement resolve;

  /**
   * @param session a session on the keyspace holding the table
   */
  CassandraPredictionTable(CqlSession session) {
    this.session = session;
    this.insert =
        session.prepare(
            "INSERT INTO "
                + PredictionSchema.TABLE
                + " (tenant_id, project_id, subject_kind, subject_id, model_name, model_version,"
                + " role, prediction_id, execution_id, suggestion_id, success_probability,"
                + " feature_set_version, features, predicted_at, event_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.resolve =
        session.prepare(
            "UPDATE "
                + PredictionSchema.TABLE
                + " USING TIMESTAMP ? SET outcome = ?, outcome_detail = ?, outcome_at = ?,"
                + " outcome_event_id = ? WHERE tenant_id = ? AND project_id = ?"
                + " AND subject_kind = ? AND subject_id = ?");
  }

  void write(List<PredictionWrite> writes) {
    AsyncStatements.run(session, writes.stream().map(this::bind).toList());
  }

  private BoundStatement bind(PredictionWrite write) {
    String kind = write.subject().kind().name();
    String id = write.subject().id();
    if (write instanceof PredictionWrite.Predicted predicted) {
      Prediction p = predicted.prediction();
      return insert.bind(
          p.tenantId(),
          p.projectId(),
          kind,
          id,
          p.modelName(),
          p.modelVersion(),
          p.role(),
          p.predictionId(),
          p.executionId(),
          p.suggestionId(),
          p.successProbability(),
          p.featureSetVersion(),
          p.features(),
          p.predictedAt(),
          p.eventId());
    }
    PredictionOutcome o = ((PredictionWrite.Resolved) write).outcome();
    return resolve.bind(
        o.at().toEpochMilli() * 1000,
        o.result().name(),
        o.detail(),
        o.at(),
        o.eventId(),
        write.tenantId(),
        write.projectId(),
        kind,
        id);
  }
}
