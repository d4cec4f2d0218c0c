package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.ORDER;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static dev.agentos.deploy.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registry started over an existing log answers as the one that wrote it. */
class ReplayTest {

  @Test
  void idsVersionsAndLevelsSurviveARestart() throws Exception {
    InMemoryRegistryLog log = new InMemoryRegistryLog();
    int user;
    int order;
    try (TestRegistry first = new TestRegistry(log)) {
      user = first.register("users", USER_V1);
      first.register("users", USER_V2);
      order = first.register("orders", ORDER);
      first.put("/config/orders", Map.of("compatibility", "FULL"));
    }

    try (TestRegistry second = new TestRegistry(log)) {
      assertThat(second.register("users", USER_V1)).isEqualTo(user);
      assertThat(second.register("audit", ORDER)).isEqualTo(order);
      assertThat(second.get("/subjects/users/versions").text()).isEqualTo("[1,2]");
      assertThat(second.get("/config/orders").json().get("compatibilityLevel").asText())
          .isEqualTo("FULL");
      String next =
          """
          {"type":"record","name":"Fresh","fields":[{"name":"x","type":"int"}]}""";
      assertThat(second.register("fresh", next)).as("ids continue").isEqualTo(order + 1);
    }
  }
}
