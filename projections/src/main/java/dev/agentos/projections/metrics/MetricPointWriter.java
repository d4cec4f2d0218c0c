package dev.agentos.projections.metrics;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
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

  public void write(List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
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
