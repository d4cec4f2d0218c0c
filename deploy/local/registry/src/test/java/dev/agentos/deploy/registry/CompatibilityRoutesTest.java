package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.USER_NO_DEFAULT;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static dev.agentos.deploy.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.registry.TestRegistry.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompatibilityRoutesTest {

  TestRegistry registry;

  @BeforeEach
  void start() throws Exception {
    registry = new TestRegistry();
    registry.register("users", USER_V1);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  Reply check(String path, String schema) {
    return registry.post("/compatibility/subjects/users/versions" + path, Map.of("schema", schema));
  }

  @Test
  void anAddedFieldWithADefaultIsCompatible() {
    Reply reply = check("/latest", USER_V2);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo("{\"is_compatible\":true}");
  }

  @Test
  void anAddedFieldWithoutADefaultIsNot() {
    assertThat(check("/latest", USER_NO_DEFAULT).text()).isEqualTo("{\"is_compatible\":false}");
  }

  @Test
  void verboseSaysWhy() {
    Reply reply = check("/latest?verbose=true", USER_NO_DEFAULT);

    assertThat(reply.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(reply.json().get("messages").get(0).asText())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("email");
  }

  @Test
  void verboseOnACompatibleSchemaHasNoMessages() {
    assertThat(check("/1?verbose=true", USER_V2).text())
        .isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
  }

  @Test
  void withoutAVersionTheSubjectsLevelDecides() {
    registry.register("users", USER_V2);
    registry.put("/config/users", Map.of("compatibility", "FORWARD_TRANSITIVE"));

    // Forward: V1 readers must read the candidate; dropping "name" breaks it for every version.
    String noName =
        """
        {"type":"record","name":"User","namespace":"test","fields":[
          {"name":"age","type":"int","default":0}]}""";
    assertThat(check("", noName).json().get("is_compatible").asBoolean()).isFalse();
    assertThat(check("", USER_V2).json().get("is_compatible").asBoolean()).isTrue();
  }

  @Test
  void aSubjectWithoutVersionsAcceptsAnythingAsLatest() {
    Reply reply =
        registry.post(
            "/compatibility/subjects/newcomer/versions/latest", Map.of("schema", USER_V1));

    assertThat(reply.text()).isEqualTo("{\"is_compatible\":true}");
  }

  @Test
  void aNumberedVersionOfAnUnknownSubjectIs40401() {
    Reply reply =
        registry.post("/compatibility/subjects/newcomer/versions/1", Map.of("schema", USER_V1));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40401);
  }

  @Test
  void anUnknownVersionIs40402() {
    Reply reply = check("/5", USER_V2);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40402);
  }

  @Test
  void anInvalidVersionIs42202() {
    Reply reply = check("/zero", USER_V2);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42202);
  }

  @Test
  void anInvalidSchemaIs42201() {
    Reply reply = check("/latest", "{\"type\":\"record\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
  }

  @Test
  void checkingStoresNothing() {
    int events = registry.log.events.size();

    check("/latest", USER_V2);
    check("/latest", USER_NO_DEFAULT);

    assertThat(registry.log.events).hasSize(events);
  }
}
