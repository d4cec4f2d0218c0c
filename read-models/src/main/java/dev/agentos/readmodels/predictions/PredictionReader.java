package dev.agentos.readmodels.predictions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subject's predictions and outcome from {@value PredictionSchema#TABLE}, one partition read: the
 * tenant's and project's own, so another tenant's or project's subject reads exactly as one never
 * predicted.
 */
public final class PredictionReader {

  private final CqlSession session;
  private final PreparedStatement partition;

  /**
   * @param session a session on the read models' keyspace, where the table exists
   */
  public PredictionReader(CqlSession session) {
    this.session = session;
    this.partition =
        session.prepare(
            "SELECT * FROM "
                + PredictionSchema.TABLE
                + " WHERE tenant_id = ? AND project_id = ? AND subject_kind = ? AND subject_id = ?");
  }

  /**
   * The predictions of {@code subject} in the tenant's project with its outcome when known; empty
   * when no model predicted it there (even if its outcome is known: nothing was predicted of it).
   */
  public Optional<SubjectPredictions> of(
      String tenantId, String projectId, PredictionSubject subject) {
    List<Prediction> predictions = new ArrayList<>();
    PredictionOutcome outcome = null;
    for (Row row :
        session.execute(partition.bind(tenantId, projectId, subject.kind().name(), subject.id()))) {
      if (outcome == null && !row.isNull("outcome")) {
        outcome =
            new PredictionOutcome(
                PredictionOutcome.Result.valueOf(row.getString("outcome")),
                row.getString("outcome_detail"),
                row.getInstant("outcome_at"),
                row.getString("outcome_event_id"));
      }
      // A partition written only by its outcome has one row, of static cells only.
      if (!row.isNull("model_name")) {
        predictions.add(toPrediction(row));
      }
    }
    if (predictions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SubjectPredictions(subject.kind(), subject.id(), predictions, outcome));
  }

  private static Prediction toPrediction(Row r) {
    return new Prediction(
        r.getString("prediction_id"),
        r.getString("tenant_id"),
        r.getString("project_id"),
        r.getString("execution_id"),
        r.getString("suggestion_id"),
        r.getFloat("success_probability"),
        r.getString("model_name"),
        r.getString("model_version"),
        r.getString("role"),
        r.getString("feature_set_version"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("features") ? Map.of() : r.getMap("features", String.class, Double.class),
        r.getInstant("predicted_at"),
        r.getString("event_id"));
  }
}
