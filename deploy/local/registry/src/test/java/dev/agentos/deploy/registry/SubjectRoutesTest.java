package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.ORDER;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static dev.agentos.deploy.registry.Schemas.USER_V2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.registry.TestRegistry.Reply;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubjectRoutesTest {

  @RegisterExtension final TestRegistry registry = TestRegistry.onFreePort();

  static String canonical(String schema) {
    return new Schema.Parser().parse(schema).toString();
  }

  @Test
  void registeringAnswersAGlobalIdAsConfluentJson() {
    Reply reply = registry.post("/subjects/users/versions", Map.of("schema", USER_V1));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(reply.json()).isEqualTo(TestRegistry.JSON.createObjectNode().put("id", 1));
  }

  @Test
  void theSameSchemaAgainGetsTheSameIdAndStoresNothing() {
    int id = registry.register("users", USER_V1);
    int events = registry.log.events.size();

    assertThat(registry.register("users", USER_V1.replace(",", " , "))).isEqualTo(id);
    assertThat(registry.log.events).hasSize(events);
    assertThat(registry.get("/subjects/users/versions").json()).hasSize(1);
  }

  @Test
  void idsAreGlobalPerSchemaAcrossSubjects() {
    int users = registry.register("users", USER_V1);
    int orders = registry.register("orders", ORDER);
    int again = registry.register("audit", USER_V1);

    assertThat(orders).isEqualTo(users + 1);
    assertThat(again).isEqualTo(users);
    assertThat(registry.get("/subjects/audit/versions/1").json().get("version").asInt())
        .isEqualTo(1);
  }

  @Test
  void versionsCountUpPerSubject() {
    registry.register("users", USER_V1);
    int v2 = registry.register("users", USER_V2);

    assertThat(registry.get("/subjects/users/versions").text()).isEqualTo("[1,2]");
    JsonNode latest = registry.get("/subjects/users/versions/latest").json();
    assertThat(latest.get("subject").asText()).isEqualTo("users");
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("id").asInt()).isEqualTo(v2);
    assertThat(latest.get("schema").asText()).isEqualTo(canonical(USER_V2));
    assertThat(registry.get("/subjects/users/versions/-1").json()).isEqualTo(latest);
    assertThat(registry.get("/subjects/users/versions/1").json().get("schema").asText())
        .isEqualTo(canonical(USER_V1));
  }

  @Test
  void versionSchemaIsTheSchemaItself() {
    registry.register("users", USER_V1);

    Reply reply = registry.get("/subjects/users/versions/1/schema");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).isEqualTo(canonical(USER_V1));
  }

  @Test
  void subjectsAreListedInOrder() {
    registry.register("b", ORDER);
    registry.register("a", USER_V1);

    assertThat(registry.get("/subjects").text()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void subjectsMayHoldSlashesAndSpacesWhenEncoded() {
    registry.register("team%2Fusers%20v1", USER_V1);

    assertThat(registry.get("/subjects").text()).isEqualTo("[\"team/users v1\"]");
  }

  @Test
  void lookupFindsTheVersionOfASchemaUnderASubject() {
    registry.register("users", USER_V1);
    int id = registry.register("users", USER_V2);

    JsonNode found = registry.post("/subjects/users", Map.of("schema", USER_V2)).json();

    assertThat(found.get("subject").asText()).isEqualTo("users");
    assertThat(found.get("version").asInt()).isEqualTo(2);
    assertThat(found.get("id").asInt()).isEqualTo(id);
    assertThat(found.get("schema").asText()).isEqualTo(canonical(USER_V2));
  }

  @Test
  void lookupOfAnUnregisteredSchemaIs40403() {
    registry.register("users", USER_V1);
    registry.register("orders", ORDER);

    Reply reply = registry.post("/subjects/users", Map.of("schema", ORDER));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40403);
    assertThat(reply.message()).isEqualTo("Schema not found");
  }

  @Test
  void lookupUnderAnUnknownSubjectIs40401() {
    Reply reply = registry.post("/subjects/nobody", Map.of("schema", USER_V1));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40401);
    assertThat(reply.message()).isEqualTo("Subject 'nobody' not found.");
  }

  @Test
  void versionsOfAnUnknownSubjectAre40401() {
    for (String path :
        new String[] {
          "/subjects/nobody/versions",
          "/subjects/nobody/versions/latest",
          "/subjects/nobody/versions/1",
          "/subjects/nobody/versions/1/schema"
        }) {
      Reply reply = registry.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).as(path).isEqualTo(40401);
      assertThat(reply.message()).as(path).isEqualTo("Subject 'nobody' not found.");
    }
  }

  @Test
  void anUnknownVersionIs40402() {
    registry.register("users", USER_V1);

    Reply reply = registry.get("/subjects/users/versions/7");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40402);
    assertThat(reply.message()).isEqualTo("Version 7 not found.");
  }

  @Test
  void aVersionThatIsNoNumberIs42202() {
    registry.register("users", USER_V1);

    for (String version : new String[] {"0", "-2", "first", "99999999999"}) {
      Reply reply = registry.get("/subjects/users/versions/" + version);
      assertThat(reply.status()).as(version).isEqualTo(422);
      assertThat(reply.errorCode()).as(version).isEqualTo(42202);
      assertThat(reply.message()).contains("'" + version + "' is not a valid version id");
    }
  }

  @Test
  void deletingIsNotImplemented() {
    registry.register("users", USER_V1);

    assertThat(registry.delete("/subjects/users").status()).isEqualTo(501);
    assertThat(registry.delete("/subjects/users/versions/1").errorCode()).isEqualTo(501);
    assertThat(registry.get("/subjects/users/versions").text()).isEqualTo("[1]");
  }
}
