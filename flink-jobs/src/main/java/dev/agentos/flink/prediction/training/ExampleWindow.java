package dev.agentos.flink.prediction.training;

import dev.agentos.flink.prediction.Example;
import java.time.Instant;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * The examples a retraining trains on: requested in [{@code from}, {@code to}) and, when {@code
 * tenantId} is set, of that tenant. The replay still reads all history before {@code from}: the
 * inputs of an example are what was known when it was requested, earlier events included.
 *
 * @param from inclusive; null for the beginning
 * @param to exclusive; null for the end of the topics as they are
 * @param tenantId null for every tenant
 */
public record ExampleWindow(Instant from, Instant to, String tenantId)
    implements FilterFunction<Example> {

  public ExampleWindow {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
    }
  }

  @Override
  public boolean filter(Example example) {
    return (tenantId == null || tenantId.equals(example.tenantId()))
        && (from == null || example.requestedAtMillis() >= from.toEpochMilli())
        && (to == null || example.requestedAtMillis() < to.toEpochMilli());
  }
}
