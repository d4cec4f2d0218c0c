package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** InfluxDB takes points and answers InfluxQL over them. */
@ExtendWith(LocalStackExtension.class)
class InfluxDbSmokeIT {

  @Test
  void writesAndQueriesPoints(StackEndpoints stack) {
    try (InfluxDB influx = InfluxDBFactory.connect(stack.influxdbUrl())) {
      assertThat(influx.ping().isGood()).isTrue();
      influx.query(new Query("CREATE DATABASE smoke"));
      influx.setDatabase("smoke");
      long now = System.currentTimeMillis();
      for (int i = 0; i < 3; i++) {
        influx.write(
            Point.measurement("agent_tokens_used")
                .time(now + i, TimeUnit.MILLISECONDS)
                .tag("agent", "agent-it")
                .addField("value", 10.0 * (i + 1))
                .build());
      }
      QueryResult result =
          influx.query(
              new Query(
                  "SELECT SUM(value) FROM agent_tokens_used WHERE agent = 'agent-it'", "smoke"));
      List<Object> row = result.getResults().get(0).getSeries().get(0).getValues().get(0);
      assertThat((Double) row.get(1)).isEqualTo(60.0);
    }
  }
}
