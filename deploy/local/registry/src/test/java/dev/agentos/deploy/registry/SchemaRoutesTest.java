package dev.agentos.deploy.registry;

import static dev.agentos.deploy.registry.Schemas.ORDER;
import static dev.agentos.deploy.registry.Schemas.USER_V1;
import static dev.agentos.deploy.registry.SubjectRoutesTest.canonical;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.registry.TestRegistry.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaRoutesTest {

  @RegisterExtension final TestRegistry registry = TestRegistry.onFreePort();

  @Test
  void schemaByIdIsWrappedWithoutSchemaTypeForAvro() {
    int id = registry.register("users", USER_V1);

    Reply reply = registry.get("/schemas/ids/" + id);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("schema").asText()).isEqualTo(canonical(USER_V1));
    assertThat(reply.json().has("schemaType")).isFalse();
  }

  @Test
  void rawSchemaByIdIsTheSchemaItself() {
    int id = registry.register("users", USER_V1);

    assertThat(registry.get("/schemas/ids/" + id + "/schema").text()).isEqualTo(canonical(USER_V1));
  }

  @Test
  void versionsOfAnIdListEverySubjectUsingIt() {
    registry.register("orders", ORDER);
    int id = registry.register("users", USER_V1);
    registry.register("audit", USER_V1);

    assertThat(registry.get("/schemas/ids/" + id + "/versions").text())
        .isEqualTo("[{\"subject\":\"audit\",\"version\":1},{\"subject\":\"users\",\"version\":1}]");
    assertThat(registry.get("/schemas/ids/" + id + "/subjects").text())
        .isEqualTo("[\"audit\",\"users\"]");
  }

  @Test
  void anUnknownIdIs40403OnEveryRoute() {
    for (String path :
        new String[] {"/schemas/ids/42", "/schemas/ids/42/schema", "/schemas/ids/42/versions"}) {
      Reply reply = registry.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).as(path).isEqualTo(40403);
      assertThat(reply.message()).as(path).isEqualTo("Schema 42 not found");
    }
  }

  @Test
  void anIdThatIsNoNumberIsNoSuchResource() {
    Reply reply = registry.get("/schemas/ids/abc");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(404);
  }

  @Test
  void onlyAvroIsServed() {
    assertThat(registry.get("/schemas/types").text()).isEqualTo("[\"AVRO\"]");
  }
}
