package dev.agentos.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.deploy.local.service.InfluxDbService;
import dev.agentos.deploy.local.service.KafkaService;
import dev.agentos.deploy.local.service.LocalService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortPlanTest {

  private final List<LocalService> services = List.of(new KafkaService(), new InfluxDbService());

  @Test
  void usesTheDefaultsAndOverridesOnFirstUp(@TempDir Path home) throws Exception {
    Map<String, Integer> ports =
        PortPlan.resolve(home, services, Map.of("kafka.broker", 19092), false);

    assertThat(ports)
        .containsEntry("kafka.broker", 19092)
        .containsEntry("kafka.controller", 9093)
        .containsEntry("influxdb.http", 8086);
  }

  @Test
  void keepsThePortsChosenEarlier(@TempDir Path home) throws Exception {
    Map<String, Integer> first = PortPlan.resolve(home, services, Map.of(), true);

    assertThat(PortPlan.resolve(home, services, Map.of(), false)).isEqualTo(first);
    assertThat(first.get("kafka.broker")).isNotEqualTo(9092);
  }

  @Test
  void refusesAnUnknownPortNamingTheKnownOnes(@TempDir Path home) {
    assertThatThrownBy(() -> PortPlan.resolve(home, services, Map.of("kafka.brokr", 1), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.brokr")
        .hasMessageContaining("kafka.broker");
  }
}
