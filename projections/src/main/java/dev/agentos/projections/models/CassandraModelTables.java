package dev.agentos.projections.models;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.models.LivePerformance;
import dev.agentos.readmodels.models.ModelPromotion;
import dev.agentos.readmodels.models.ModelSchema;
import dev.agentos.readmodels.models.ModelVersion;
import java.util.List;

/**
 * {@value ModelSchema#VERSIONS} and {@value ModelSchema#PROMOTIONS} in Cassandra, each write one
 * statement, a batch's concurrently. A training and a promotion are plain inserts of rows keyed by
 * their own event (written again, the same cells). A live report updates its version's live cells
 * {@code USING TIMESTAMP} its asOf in microseconds plus its resolved count (capped at 999), so the
 * latest report wins in any order, a redelivery changes nothing, and of two reports of one
 * millisecond the one counting more; the projection is the tables' one writer, and a replay empties
 * them first, as its reset does.
 */
final class CassandraModelTables {

  private static final TupleType BIN =
      DataTypes.tupleOf(
          DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.BIGINT, DataTypes.DOUBLE, DataTypes.DOUBLE);

  private final CqlSession session;
  private final PreparedStatement trained;
  private final PreparedStatement promoted;
  private final PreparedStatement scored;

  /**
   * @param session a session on the keyspace holding the tables
   */
  CassandraModelTables(CqlSession session) {
    this.session = session;
    this.trained =
        session.prepare(
            "INSERT INTO "
                + ModelSchema.VERSIONS
                + " (tenant_id, model_name, model_version, algorithm, feature_set_version,"
                + " trained_on, evaluated_on, evaluation_start, window_start, window_end, metrics,"
                + " calibration, artifact_uri, artifact_sha256, feature_names, trained_at,"
                + " event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.promoted =
        session.prepare(
            "INSERT INTO "
                + ModelSchema.PROMOTIONS
                + " (tenant_id, model_name, promoted_at, event_id, model_version,"
                + " previous_version, reason) VALUES (?, ?, ?, ?, ?, ?, ?)");
    this.scored =
        session.prepare(
            "UPDATE "
                + ModelSchema.VERSIONS
                + " USING TIMESTAMP ? SET live_role = ?, live_resolved = ?, live_correct = ?,"
                + " live_log_loss = ?, live_brier_score = ?, live_as_of = ?"
                + " WHERE tenant_id = ? AND model_name = ? AND model_version = ?");
  }

  void write(List<ModelWrite> writes) {
    AsyncStatements.run(session, writes.stream().map(this::bind).toList());
  }

  private BoundStatement bind(ModelWrite write) {
    if (write instanceof ModelWrite.Trained t) {
      ModelVersion v = t.version();
      List<TupleValue> bins =
          v.calibration().stream()
              .map(
                  b ->
                      BIN.newValue(
                          b.lower(), b.upper(), b.examples(), b.meanPredicted(), b.observedRate()))
              .toList();
      return trained.bind(
          t.tenantId(),
          t.modelName(),
          v.modelVersion(),
          v.algorithm(),
          v.featureSetVersion(),
          v.trainedOn(),
          v.evaluatedOn(),
          v.evaluationStart(),
          v.windowStart(),
          v.windowEnd(),
          v.metrics(),
          bins,
          v.artifactUri(),
          v.artifactSha256(),
          v.featureNames(),
          v.trainedAt(),
          v.eventId());
    }
    if (write instanceof ModelWrite.Promoted p) {
      ModelPromotion promotion = p.promotion();
      return promoted.bind(
          p.tenantId(),
          p.modelName(),
          promotion.promotedAt(),
          promotion.eventId(),
          promotion.modelVersion(),
          promotion.previousVersion(),
          promotion.reason());
    }
    ModelWrite.Scored s = (ModelWrite.Scored) write;
    LivePerformance live = s.live();
    return scored.bind(
        writeTime(live),
        live.role(),
        live.resolved(),
        live.correct(),
        live.logLoss(),
        live.brierScore(),
        live.asOf(),
        s.tenantId(),
        s.modelName(),
        s.modelVersion());
  }

  static long writeTime(LivePerformance live) {
    return live.asOf().toEpochMilli() * 1000 + Math.max(0, Math.min(live.resolved(), 999));
  }
}
