package dev.agentos.readmodels.models;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.TupleValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's models from {@value ModelSchema#VERSIONS} and {@value ModelSchema#PROMOTIONS}, each
 * read one partition of each table: the tenant's own, so another tenant's model reads exactly as an
 * unknown one. Each version's role is {@link ModelRoles}' answer over the model's versions and
 * promotions.
 */
public final class ModelReader {

  private final CqlSession session;
  private final PreparedStatement allVersions;
  private final PreparedStatement versionsOf;
  private final PreparedStatement allPromotions;
  private final PreparedStatement promotionsOf;

  /**
   * @param session a session on the read models' keyspace, where the tables exist
   */
  public ModelReader(CqlSession session) {
    this.session = session;
    String versions = "SELECT * FROM " + ModelSchema.VERSIONS + " WHERE tenant_id = ?";
    String promotions = "SELECT * FROM " + ModelSchema.PROMOTIONS + " WHERE tenant_id = ?";
    this.allVersions = session.prepare(versions);
    this.versionsOf = session.prepare(versions + " AND model_name = ?");
    this.allPromotions = session.prepare(promotions);
    this.promotionsOf = session.prepare(promotions + " AND model_name = ?");
  }

  /** The tenant's models, by name; empty for a tenant of no model. */
  public List<Model> models(String tenantId) {
    return assemble(
        tenantId,
        session.execute(allVersions.bind(tenantId)),
        session.execute(allPromotions.bind(tenantId)));
  }

  /** The tenant's model of this name; empty when it has none (another tenant's included). */
  public Optional<Model> model(String tenantId, String modelName) {
    return assemble(
            tenantId,
            session.execute(versionsOf.bind(tenantId, modelName)),
            session.execute(promotionsOf.bind(tenantId, modelName)))
        .stream()
        .findFirst();
  }

  private static List<Model> assemble(
      String tenantId, Iterable<Row> versionRows, Iterable<Row> promotionRows) {
    Map<String, List<ModelVersion>> versions = new LinkedHashMap<>();
    for (Row row : versionRows) {
      // A live report of a version whose training is not (yet) projected: no version to show.
      if (!row.isNull("trained_at")) {
        versions
            .computeIfAbsent(row.getString("model_name"), name -> new ArrayList<>())
            .add(toVersion(row));
      }
    }
    Map<String, List<ModelPromotion>> promotions = new LinkedHashMap<>();
    for (Row row : promotionRows) {
      promotions
          .computeIfAbsent(row.getString("model_name"), name -> new ArrayList<>())
          .add(toPromotion(row));
    }
    List<String> names = new ArrayList<>(versions.keySet());
    promotions.keySet().stream().filter(name -> !versions.containsKey(name)).forEach(names::add);
    names.sort(Comparator.naturalOrder());
    return names.stream()
        .map(
            name ->
                model(
                    tenantId,
                    name,
                    versions.getOrDefault(name, List.of()),
                    promotions.getOrDefault(name, List.of())))
        .toList();
  }

  private static Model model(
      String tenantId, String name, List<ModelVersion> versions, List<ModelPromotion> promotions) {
    ModelRoles roles =
        ModelRoles.of(
            versions.stream()
                .map(v -> new ModelRoles.Trained(v.modelVersion(), v.trainedAt()))
                .toList(),
            promotions.stream()
                .map(p -> new ModelRoles.Promoted(p.modelVersion(), p.promotedAt(), p.eventId()))
                .toList());
    return new Model(
        tenantId,
        name,
        roles.champion().orElse(null),
        roles.challenger().orElse(null),
        versions.stream()
            .map(v -> v.as(roles.roleOf(v.modelVersion())))
            .sorted(
                Comparator.comparing(ModelVersion::trainedAt)
                    .thenComparing(ModelVersion::modelVersion)
                    .reversed())
            .toList(),
        newestFirst(promotions));
  }

  /** Promotions are clustered oldest first; a model answers them newest first. */
  private static List<ModelPromotion> newestFirst(List<ModelPromotion> promotions) {
    List<ModelPromotion> reversed = new ArrayList<>(promotions);
    Collections.reverse(reversed);
    return reversed;
  }

  private static ModelVersion toVersion(Row r) {
    List<CalibrationBin> bins = new ArrayList<>();
    if (!r.isNull("calibration")) {
      for (TupleValue bin : r.getList("calibration", TupleValue.class)) {
        bins.add(
            new CalibrationBin(
                bin.getDouble(0),
                bin.getDouble(1),
                bin.getLong(2),
                bin.getDouble(3),
                bin.getDouble(4)));
      }
    }
    LivePerformance live =
        r.isNull("live_as_of")
            ? null
            : new LivePerformance(
                r.getString("live_role"),
                r.getLong("live_resolved"),
                r.getLong("live_correct"),
                r.getDouble("live_log_loss"),
                r.getDouble("live_brier_score"),
                r.getInstant("live_as_of"));
    return new ModelVersion(
        r.getString("model_version"),
        ServingRole.RETIRED, // replaced by the model's roles once all its versions are read
        r.getString("algorithm"),
        r.getString("feature_set_version"),
        r.getInstant("trained_at"),
        r.getLong("trained_on"),
        r.getLong("evaluated_on"),
        r.getInstant("evaluation_start"),
        r.getInstant("window_start"),
        r.getInstant("window_end"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("metrics") ? Map.of() : r.getMap("metrics", String.class, Double.class),
        bins,
        r.isNull("feature_names") ? List.of() : r.getList("feature_names", String.class),
        r.getString("artifact_uri"),
        r.getString("artifact_sha256"),
        r.getString("event_id"),
        live);
  }

  private static ModelPromotion toPromotion(Row r) {
    return new ModelPromotion(
        r.getString("model_version"),
        r.getString("previous_version"),
        r.getString("reason"),
        r.getInstant("promoted_at"),
        r.getString("event_id"));
  }
}
