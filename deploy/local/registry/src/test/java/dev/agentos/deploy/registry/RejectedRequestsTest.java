package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.USER_NO_DEFAULT;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.registry.TestRegistry.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every refused request answers Confluent's error and leaves the log and the state untouched. */
class RejectedRequestsTest {

  @RegisterExtension final TestRegistry registry = TestRegistry.onFreePort();

  Reply registerBody(Object body) {
    return registry.post("/subjects/users/versions", body);
  }

  void assertNothingStored() {
    assertThat(registry.log.events).isEmpty();
    assertThat(registry.get("/subjects").text()).isEqualTo("[]");
    assertThat(registry.get("/schemas/ids/1").errorCode()).isEqualTo(40403);
  }

  @Test
  void schemaThatIsNotJsonIs42201() {
    Reply reply = registerBody(Map.of("schema", "{not json"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(reply.message()).startsWith("Invalid schema");
    assertNothingStored();
  }

  @Test
  void schemaThatIsNotAvroIs42201() {
    Reply reply =
        registerBody(
            Map.of(
                "schema",
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"nosuchtype\"}]}"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(reply.message()).contains("nosuchtype");
    assertNothingStored();
  }

  @Test
  void aDefaultOfTheWrongTypeIs42201() {
    Reply reply =
        registerBody(
            Map.of(
                "schema",
                "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"one\"}]}"));

    assertThat(reply.errorCode()).isEqualTo(42201);
    assertNothingStored();
  }

  @Test
  void otherSchemaTypesAre42201() {
    Reply reply = registerBody(Map.of("schema", "syntax = \"proto3\";", "schemaType", "PROTOBUF"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(reply.message()).contains("PROTOBUF").contains("AVRO only");
    assertNothingStored();
  }

  @Test
  void explicitAvroTypeAndEmptyReferencesAreAccepted() {
    Reply reply =
        registerBody(Map.of("schema", USER_V1, "schemaType", "AVRO", "references", List.of()));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void referencesAre42201() {
    Reply reply =
        registerBody(
            Map.of(
                "schema",
                USER_V1,
                "references",
                List.of(Map.of("name", "test.Other", "subject", "other", "version", 1))));

    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(reply.message()).contains("references");
    assertNothingStored();
  }

  @Test
  void aBodyWithoutSchemaIs42201() {
    assertThat(registerBody(Map.of("schemaType", "AVRO")).errorCode()).isEqualTo(42201);
    assertNothingStored();
  }

  @Test
  void anIncompatibleVersionIs409WithTheViolations() {
    registry.register("users", USER_V1);
    int stored = registry.log.events.size();

    Reply reply = registerBody(Map.of("schema", USER_NO_DEFAULT));

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.errorCode()).isEqualTo(409);
    assertThat(reply.message())
        .startsWith(
            "Schema being registered is incompatible with an earlier schema for subject \"users\"")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("BACKWARD");
    assertThat(registry.log.events).hasSize(stored);
    assertThat(registry.get("/subjects/users/versions").text()).isEqualTo("[1]");
    assertThat(registry.get("/schemas/ids/2").errorCode()).isEqualTo(40403);
  }

  @Test
  void malformedJsonIs400() {
    Reply reply = registerBody("{\"schema\": ");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void anEmptyBodyIs400() {
    Reply reply = registry.send("POST", "/subjects/users/versions", TestRegistry.CONTENT_TYPE, "");

    assertThat(reply.status()).isEqualTo(400);
    assertNothingStored();
  }

  @Test
  void aBodyOfAnotherMediaTypeIs415() {
    Reply reply =
        registry.send(
            "POST",
            "/subjects/users/versions",
            "text/plain",
            TestRegistry.json(Map.of("schema", USER_V1)));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo(415);
    assertNothingStored();
  }

  @Test
  void plainJsonAndNoContentTypeAreAccepted() {
    String body = TestRegistry.json(Map.of("schema", USER_V1));
    assertThat(
            registry
                .send("POST", "/subjects/a/versions", "application/json; charset=utf-8", body)
                .status())
        .isEqualTo(200);
    assertThat(registry.send("POST", "/subjects/b/versions", null, body).status()).isEqualTo(200);
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethod405() {
    Reply unknown = registry.get("/nothing/here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo(404);

    Reply wrongMethod = registry.send("PATCH", "/subjects", null, null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo(405);
  }

  @Test
  void aStoreFailureIs50001AndChangesNothing() {
    registry.log.failing = true;

    Reply reply = registerBody(Map.of("schema", USER_V1));

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.errorCode()).isEqualTo(50001);
    assertThat(reply.message()).contains("broker unreachable");
    assertNothingStored();
    assertThat(registry.put("/config", Map.of("compatibility", "NONE")).errorCode())
        .isEqualTo(50001);
    assertThat(registry.get("/config").json().get("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");

    registry.log.failing = false;
    assertThat(registry.register("users", USER_V1)).as("the id was not used up").isEqualTo(1);
  }
}
