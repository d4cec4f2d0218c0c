package dev.agentos.projections.metrics;

import dev.agentos.projections.source.Refusal;
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
 * Writes metric points to one InfluxDB 1.x database. A point is identified by measurement, tag set
 * and timestamp, so writing a redelivered sample again overwrites its own point: the writes are
 * idempotent without any bookkeeping.
 */
public final class MetricPointWriter {

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

  private final InfluxDB influx;
  private final String database;

  public MetricPointWriter(InfluxDB influx, String database) {
    if (!DATABASE_NAME.matcher(database).matches()) {
      // Spliced into InfluxQL statements below, so a plain identifier only.
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

  /** Drops every series (the data of every measurement), keeping the database: a rebuild. */
  public void dropAllSeries() {
    run("DROP SERIES FROM /.*/");
  }

  /**
   * Writes {@code points} in one request. When InfluxDB refuses one of them for good (a field type
   * conflict, a line it cannot parse such as a time outside its range, a series limit: it answers
   * 400 and keeps the others), each point is written alone to learn which: those are answered as
   * refusals, with InfluxDB's error, and the others are written (a point written twice is the same
   * point). Anything else InfluxDB or the network answers is thrown, so the batch is retried.
   */
  public List<Refusal<MetricPoint>> write(List<MetricPoint> points) {
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
        return List.of(refusal(points.get(0), e));
      }
    }
    List<Refusal<MetricPoint>> refused = new ArrayList<>();
    for (MetricPoint point : points) {
      refused.addAll(write(List.of(point)));
    }
    return refused;
  }

  /**
   * Whether InfluxDB refused a point for what it is, which no retry changes; a database missing or
   * a failed authorization is the server's state, not the point's, and is retried.
   */
  static boolean isPointsOwnFault(InfluxDBException e) {
    String message = String.valueOf(e.getMessage());
    return e instanceof InfluxDBException.FieldTypeConflictException
        || e instanceof InfluxDBException.UnableToParseException
        || e instanceof InfluxDBException.PointsBeyondRetentionPolicyException
        || message.contains("max-values-per-tag")
        || message.contains("max-series-per-database");
  }

  private static Refusal<MetricPoint> refusal(MetricPoint point, InfluxDBException e) {
    return new Refusal<>(
        point,
        "InfluxDB refused point "
            + point.measurement()
            + " of event "
            + point.eventId()
            + ": "
            + e.getMessage(),
        e.getClass().getName());
  }

  private void send(List<MetricPoint> points) {
    BatchPoints.Builder batch = BatchPoints.database(database).precision(TimeUnit.MILLISECONDS);
    for (MetricPoint point : points) {
      batch.point(
          Point.measurement(point.measurement())
              .time(point.timeMillis(), TimeUnit.MILLISECONDS)
              .tag(point.tags())
              .fields(point.fields())
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
