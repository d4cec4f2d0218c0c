package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.USER_NO_DEFAULT;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.registry.TestRegistry.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfigRoutesTest {

  @RegisterExtension final TestRegistry registry = TestRegistry.onFreePort();

  @Test
  void theGlobalLevelDefaultsToBackward() {
    assertThat(registry.get("/config").text()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @Test
  void settingTheGlobalLevelAnswersItAndKeepsIt() {
    Reply reply = registry.put("/config", Map.of("compatibility", "full"));

    assertThat(reply.text()).isEqualTo("{\"compatibility\":\"FULL\"}");
    assertThat(registry.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(registry.log.events).hasSize(1);
  }

  @Test
  void aSubjectWithoutItsOwnLevelIs40408() {
    Reply reply = registry.get("/config/users");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40408);
    assertThat(reply.message())
        .isEqualTo("Subject 'users' does not have subject-level compatibility configured");
  }

  @Test
  void defaultToGlobalAnswersTheGlobalLevel() {
    assertThat(registry.get("/config/users?defaultToGlobal=true").text())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
  }

  @Test
  void aSubjectsOwnLevelGovernsItsRegistrations() {
    registry.register("users", USER_V1);
    assertThat(
            registry.post("/subjects/users/versions", Map.of("schema", USER_NO_DEFAULT)).status())
        .isEqualTo(409);

    Reply reply = registry.put("/config/users", Map.of("compatibility", "NONE"));

    assertThat(reply.text()).isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(registry.get("/config/users").text()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(registry.register("users", USER_NO_DEFAULT)).isEqualTo(2);
    assertThat(registry.get("/config").json().get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
  }

  @Test
  void anUnknownLevelIs42203AndStoresNothing() {
    Reply reply = registry.put("/config", Map.of("compatibility", "SIDEWAYS"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42203);
    assertThat(reply.message()).contains("SIDEWAYS").contains("backward_transitive");
    assertThat(registry.put("/config/users", Map.of()).errorCode()).isEqualTo(42203);
    assertThat(registry.log.events).isEmpty();
  }
}
