package dev.agentos.readmodels.metrics;

import java.util.Locale;

/** What a metric read answers per interval instead of the samples. */
public enum MetricAggregate {
  MEAN,
  MIN,
  MAX,
  COUNT;

  /** The InfluxQL function over the field {@code field}, e.g. {@code mean("value")}. */
  String over(String field) {
    return name().toLowerCase(Locale.ROOT) + "(" + InfluxQl.identifier(field) + ")";
  }
}
