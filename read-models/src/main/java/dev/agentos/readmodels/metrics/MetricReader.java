package dev.agentos.readmodels.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;

/**
 * Reads metric series from the InfluxDB database {@code metrics-influx} writes, always within one
 * tenant's project: the scope tags are conditions of every statement, whatever else is asked, so
 * another project's samples are never read. Every name and value of a request enters the statement
 * through {@link InfluxQl}, computed as the writer stored it ({@link MetricSeriesNames}).
 */
public final class MetricReader {

  private final InfluxRows influx;

  public MetricReader(InfluxDB influx, String database) {
    this.influx = new InfluxRows(influx, database);
  }

  /** The points of {@code query}, oldest first, at most its limit. */
  public MetricSeries read(MetricQuery query) {
    List<MetricSample> points = new ArrayList<>();
    for (InfluxRows.Row row : influx.select(statement(query))) {
      Double value = row.number(MetricSeriesNames.VALUE);
      if (value != null) {
        points.add(
            new MetricSample(
                row.time(),
                value,
                row.text(MetricSeriesNames.AGENT),
                row.text(MetricSeriesNames.SESSION)));
      }
    }
    boolean truncated = points.size() > query.limit();
    return new MetricSeries(
        truncated ? List.copyOf(points.subList(0, query.limit())) : points, truncated);
  }

  /**
   * The statement of {@code query}: one more point than its limit is asked for, which tells whether
   * the limit cut the series.
   */
  static String statement(MetricQuery query) {
    String value = InfluxQl.identifier(MetricSeriesNames.VALUE);
    String select =
        query.interval() == null
            ? value
                + ", "
                + InfluxQl.identifier(MetricSeriesNames.AGENT)
                + ", "
                + InfluxQl.identifier(MetricSeriesNames.SESSION)
            : query.aggregate().over(MetricSeriesNames.VALUE) + " AS " + value;
    StringBuilder statement =
        new StringBuilder("SELECT ")
            .append(select)
            .append(" FROM ")
            .append(InfluxQl.identifier(MetricSeriesNames.measurement(query.name())))
            .append(" WHERE ")
            .append(InfluxQl.equals(MetricSeriesNames.TENANT, InfluxNames.value(query.tenantId())))
            .append(" AND ")
            .append(
                InfluxQl.equals(MetricSeriesNames.PROJECT, InfluxNames.value(query.projectId())));
    if (query.agentId() != null) {
      statement
          .append(" AND ")
          .append(InfluxQl.equals(MetricSeriesNames.AGENT, InfluxNames.value(query.agentId())));
    }
    if (query.sessionId() != null) {
      statement
          .append(" AND ")
          .append(InfluxQl.equals(MetricSeriesNames.SESSION, InfluxNames.value(query.sessionId())));
    }
    for (Map.Entry<String, String> tag : query.tags().entrySet()) {
      statement
          .append(" AND ")
          .append(
              InfluxQl.equals(
                  MetricSeriesNames.tagKey(tag.getKey()), InfluxNames.value(tag.getValue())));
    }
    statement.append(" AND ").append(query.range().condition());
    if (query.interval() != null) {
      statement
          .append(" GROUP BY time(")
          .append(InfluxQl.duration(query.interval()))
          .append(") fill(none)");
    }
    return statement.append(" ORDER BY time ASC LIMIT ").append(query.limit() + 1).toString();
  }
}
