package dev.agentos.readmodels.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Runs one InfluxQL {@code SELECT} on one database and answers its rows, with times as epoch
 * milliseconds. An error InfluxDB answers (a database missing, a statement it refuses) is thrown:
 * no reader mistakes it for an empty series.
 */
public final class InfluxRows {

  /**
   * One row of a result.
   *
   * @param seriesTags the values of the {@code GROUP BY} tags of the row's series
   * @param columns every selected column but {@code time}, by name; null where the row has none
   */
  public record Row(Instant time, Map<String, String> seriesTags, Map<String, Object> columns) {

    /** A numeric column, or null. */
    public Double number(String column) {
      return columns.get(column) instanceof Number n ? n.doubleValue() : null;
    }

    /** A text column (a tag), or null. */
    public String text(String column) {
      Object value = columns.get(column);
      return value == null ? null : value.toString();
    }
  }

  private final InfluxDB influx;
  private final String database;

  public InfluxRows(InfluxDB influx, String database) {
    this.influx = influx;
    this.database = database;
  }

  public String database() {
    return database;
  }

  /** The rows of {@code statement}, series after series, each in the order InfluxDB gave. */
  public List<Row> select(String statement) {
    QueryResult answer = influx.query(new Query(statement, database), TimeUnit.MILLISECONDS);
    if (answer.hasError()) {
      throw new IllegalStateException("InfluxDB refused '" + statement + "': " + answer.getError());
    }
    List<Row> rows = new ArrayList<>();
    for (QueryResult.Result result : answer.getResults()) {
      if (result.hasError()) {
        throw new IllegalStateException(
            "InfluxDB refused '" + statement + "': " + result.getError());
      }
      if (result.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series series : result.getSeries()) {
        Map<String, String> tags = series.getTags() == null ? Map.of() : series.getTags();
        List<String> columns = series.getColumns();
        for (List<Object> values : series.getValues()) {
          Map<String, Object> row = new HashMap<>();
          Instant time = null;
          for (int i = 0; i < columns.size(); i++) {
            if ("time".equals(columns.get(i))) {
              time = Instant.ofEpochMilli(((Number) values.get(i)).longValue());
            } else {
              row.put(columns.get(i), values.get(i));
            }
          }
          rows.add(new Row(time, tags, row));
        }
      }
    }
    return rows;
  }

  /** Whether this database exists: the projections create it, the query side waits for it. */
  public boolean databaseExists() {
    QueryResult answer = influx.query(new Query("SHOW DATABASES"));
    if (answer.hasError()) {
      throw new IllegalStateException("InfluxDB refused SHOW DATABASES: " + answer.getError());
    }
    for (QueryResult.Result result : answer.getResults()) {
      if (result.getSeries() == null) {
        continue;
      }
      for (QueryResult.Series series : result.getSeries()) {
        for (List<Object> values : series.getValues()) {
          if (database.equals(values.get(0))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
