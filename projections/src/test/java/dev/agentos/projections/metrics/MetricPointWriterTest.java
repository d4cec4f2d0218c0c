package dev.agentos.projections.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.agentos.projections.source.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;

/** The writer's rules against a client that answers as InfluxDB 1.x does. */
class MetricPointWriterTest {

  private final InfluxDB influx = mock(InfluxDB.class);
  private final MetricPointWriter writer = new MetricPointWriter(influx, "agentos");
  private final List<List<String>> requests = new ArrayList<>();

  @Test
  void aBatchInfluxTakesIsOneRequestAndRefusesNothing() {
    answer(points -> null);

    assertThat(writer.write(List.of(point("a"), point("b")))).isEmpty();
    assertThat(requests).hasSize(1);
  }

  @Test
  void aPointInfluxRefusesForGoodIsRefusedWithItsErrorAndTheOthersAreWritten() {
    // InfluxDB 1.x keeps the good points of a partial write and answers 400 naming the bad one.
    answer(
        points ->
            points.stream().anyMatch(p -> p.contains("conflicted"))
                ? "partial write: field type conflict: input field value on measurement"
                    + " conflicted is type float, already exists as type string dropped=1"
                : null);

    List<Refusal<MetricPoint>> refused =
        writer.write(List.of(point("a"), point("conflicted"), point("b")));

    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).item().measurement()).isEqualTo("conflicted");
    assertThat(refused.get(0).reason())
        .startsWith("InfluxDB refused point conflicted of event e-conflicted: ")
        .contains("field type conflict");
    assertThat(refused.get(0).errorClass()).contains("FieldTypeConflictException");
    assertThat(requests.subList(1, requests.size()))
        .as("then each point alone")
        .containsExactly(List.of("a"), List.of("conflicted"), List.of("b"));
  }

  @Test
  void aLineInfluxCannotParseIsRefused() {
    answer(
        points ->
            "partial write: unable to parse 'late value=1 32503680000000': time outside range");

    assertThat(writer.write(List.of(point("late"))))
        .extracting(r -> r.item().measurement())
        .containsExactly("late");
  }

  @Test
  void aFailureThatIsNotThePointsOwnIsThrownSoTheBatchIsRetried() {
    answer(points -> "database not found: agentos");

    assertThatThrownBy(() -> writer.write(List.of(point("a"), point("b"))))
        .isInstanceOf(InfluxDBException.class);
    assertThat(requests).hasSize(1);
  }

  @Test
  void anUnreachableInfluxIsThrown() {
    doAnswer(
            call -> {
              throw new InfluxDBException(new java.net.ConnectException("refused"));
            })
        .when(influx)
        .write(any(BatchPoints.class));

    assertThatThrownBy(() -> writer.write(List.of(point("a"))))
        .isInstanceOf(InfluxDBException.class);
  }

  /** Each request's measurements are recorded; {@code error} tells InfluxDB's 400 body, or null. */
  private void answer(java.util.function.Function<List<String>, String> error) {
    doAnswer(
            call -> {
              BatchPoints batch = call.getArgument(0);
              List<String> measurements =
                  batch.getPoints().stream().map(MetricPointWriterTest::measurement).toList();
              requests.add(measurements);
              String body = error.apply(measurements);
              if (body != null) {
                throw InfluxDBException.buildExceptionForErrorState("{\"error\":\"" + body + "\"}");
              }
              return null;
            })
        .when(influx)
        .write(any(BatchPoints.class));
  }

  private static String measurement(Point point) {
    return point.lineProtocol().split(",", 2)[0];
  }

  private static MetricPoint point(String measurement) {
    TreeMap<String, String> tags = new TreeMap<>();
    tags.put("tenant_id", "acme");
    return new MetricPoint(measurement, tags, 1, "e-" + measurement, 1_700_000_000_000L);
  }
}
