package dev.agentos.projections.features;

import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.features.FeatureSeriesNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;

/**
 * Writes feature vectors' points to their own InfluxDB 1.x database, a processor batch in one
 * request. Writing a point again overwrites it (same measurement, tags and time), so redelivered
 * and replayed vectors need no bookkeeping. When InfluxDB refuses a point for good (it answers 400:
 * a field type conflict, a line it cannot parse, a series limit), the points are written one at a
 * time to learn which, and those are answered as refusals with InfluxDB's error; anything else is
 * thrown and the batch retried.
 */
public final class FeaturePointWriter implements BatchWriter<FeatureVectorPoint> {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

  private final InfluxDB influx;
  private final String database;

  public FeaturePointWriter(InfluxDB influx, String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      // Spliced into the statements below, so a plain identifier only.
      throw new IllegalArgumentException("not an InfluxDB database name: " + database);
    }
    this.influx = influx;
    this.database = database;
  }

  public String database() {
    return database;
  }

  /** Creates the database; InfluxDB 1.x does nothing when it exists. */
  public void createDatabase() {
    run("CREATE DATABASE " + database);
  }

  /** Drops the vectors, keeping the database: a rebuild. */
  public void dropAll() {
    run("DROP SERIES FROM " + FeatureSeriesNames.MEASUREMENT);
  }

  @Override
  public List<Refusal<FeatureVectorPoint>> write(List<FeatureVectorPoint> points) {
    if (points.isEmpty()) {
      return List.of();
    }
    try {
      send(points);
      return List.of();
    } catch (InfluxDBException e) {
      if (!isPointsOwnFault(e)) {
        throw e;
      }
      if (points.size() == 1) {
        return List.of(
            new Refusal<>(
                points.get(0),
                "InfluxDB refused the feature vector of event "
                    + points.get(0).eventId()
                    + ": "
                    + e.getMessage(),
                e.getClass().getName()));
      }
    }
    List<Refusal<FeatureVectorPoint>> refused = new ArrayList<>();
    for (FeatureVectorPoint point : points) {
      refused.addAll(write(List.of(point)));
    }
    return refused;
  }

  /** A database missing or a failed authorization is the server's state, and is retried. */
  private static boolean isPointsOwnFault(InfluxDBException e) {
    String message = String.valueOf(e.getMessage());
    return e instanceof InfluxDBException.FieldTypeConflictException
        || e instanceof InfluxDBException.UnableToParseException
        || e instanceof InfluxDBException.PointsBeyondRetentionPolicyException
        || message.contains("max-values-per-tag")
        || message.contains("max-series-per-database");
  }

  private void send(List<FeatureVectorPoint> points) {
    BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS);
    for (FeatureVectorPoint point : points) {
      batch.point(
          Point.measurement(FeatureSeriesNames.MEASUREMENT)
              .time(point.timeMillis(), TimeUnit.MILLISECONDS)
              .tag(point.tags())
              .fields(point.fieldValues())
              .build());
    }
    influx.write(batch.build());
  }

  private void run(String statement) {
    var result = influx.query(new Query(statement, database));
    if (result.hasError()) {
      throw new IllegalStateException("InfluxDB refused '" + statement + "': " + result.getError());
    }
  }
}
