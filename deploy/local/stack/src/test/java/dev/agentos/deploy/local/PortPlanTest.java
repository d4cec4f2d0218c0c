package dev.agentos.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.deploy.local.service.FlinkJobsService;
import dev.agentos.deploy.local.service.InfluxDbService;
import dev.agentos.deploy.local.service.KafkaService;
import dev.agentos.deploy.local.service.LocalService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** Flink's usual REST port 8081 is the registry's: the learning jobs must not take it. */
  @Test
  void everyDefaultPortOfTheWholeStackIsItsOwn(@TempDir Path home) throws Exception {
    List<LocalService> stack =
        new ArrayList<>(StackServices.withApplications(home, home, home, null, home));
    stack.add(new FlinkJobsService(List.of(), List.of()));

    Map<String, Integer> ports = PortPlan.resolve(home, stack, Map.of(), false);

    assertThat(ports).containsEntry("flink-jobs.rest", 8084).containsEntry("registry.http", 8081);
    assertThat(Set.copyOf(ports.values())).hasSameSizeAs(ports.values());
  }

  @Test
  void refusesAnUnknownPortNamingTheKnownOnes(@TempDir Path home) {
    assertThatThrownBy(() -> PortPlan.resolve(home, services, Map.of("kafka.brokr", 1), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kafka.brokr")
        .hasMessageContaining("kafka.broker");
  }
}
