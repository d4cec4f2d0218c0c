package dev.agentos.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Schema USER =
      SchemaBuilder.record("User").namespace("test").fields().requiredString("name").endRecord();

  FakeRegistryServer server;
  RestSchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeRegistryServer();
    client = new RestSchemaRegistryClient(server.url() + "/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  @Test
  void registerPostsTheSchemaAsConfluentJson() throws Exception {
    server.answer("POST /subjects/orders-test.User/versions", 200, "{\"id\":7}");

    assertThat(client.register("orders-test.User", USER)).isEqualTo(7);

    FakeRegistryServer.Call call = server.calls.get(0);
    assertThat(call.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(call.accept()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(JSON.readTree(call.body()).get("schema").asText()).isEqualTo(USER.toString());
  }

  @Test
  void subjectsAreEncodedAsOnePathSegment() throws Exception {
    server.answer("POST /subjects/a%2Fb%20c/versions", 200, "{\"id\":1}");
    assertThat(client.register("a/b c", USER)).isEqualTo(1);
  }

  @Test
  void getIdLooksTheSchemaUpWithoutRegistering() throws Exception {
    server.answer(
        "POST /subjects/s",
        200,
        json(Map.of("subject", "s", "id", 3, "version", 1, "schema", USER.toString())));
    assertThat(client.getId("s", USER)).isEqualTo(3);
  }

  @Test
  void getByIdParsesTheSchema() throws Exception {
    server.answer("GET /schemas/ids/3", 200, json(Map.of("schema", USER.toString())));
    assertThat(client.getById(3)).isEqualTo(USER);
  }

  @Test
  void getLatestAndGetVersionReadSubjectVersionIdAndSchema() throws Exception {
    String answer = json(Map.of("subject", "s", "id", 3, "version", 2, "schema", USER.toString()));
    server.answer("GET /subjects/s/versions/latest", 200, answer);
    server.answer("GET /subjects/s/versions/2", 200, answer);

    assertThat(client.getLatest("s")).isEqualTo(new RegisteredSchema("s", 2, 3, USER));
    assertThat(client.getVersion("s", 2)).isEqualTo(new RegisteredSchema("s", 2, 3, USER));
  }

  @Test
  void testCompatibilityAsksVerboselyAgainstTheLatestVersion() throws Exception {
    server.answer(
        "POST /compatibility/subjects/s/versions/latest?verbose=true",
        200,
        json(Map.of("is_compatible", false, "messages", List.of("field name has no default"))));

    assertThat(client.testCompatibility("s", USER))
        .isEqualTo(new CompatibilityCheck(false, List.of("field name has no default")));
  }

  @Test
  void unknownIdFailsWithConfluentsErrorCode() {
    server.answer(
        "GET /schemas/ids/99", 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");

    assertThatThrownBy(() -> client.getById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            })
        .hasMessageStartingWith("Schema 99 not found (error_code 40403, HTTP 404 on GET http://");
  }

  @Test
  void incompatibleRegistrationCarriesTheRegistrysReasons() {
    server.answer(
        "POST /subjects/s/versions",
        409,
        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema for subject \\\"s\\\"\"}");

    assertThatThrownBy(() -> client.register("s", USER))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("incompatible with an earlier schema");
  }

  @Test
  void anAnswerThatIsNotJsonIsReportedAsSuch() {
    server.answer("GET /schemas/ids/1", 502, "text/html", "<html>Bad gateway</html>");

    assertThatThrownBy(() -> client.getById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_ANSWER);
            })
        .hasMessageContaining("Not a schema registry answer")
        .hasMessageContaining("Bad gateway");
  }

  @Test
  void anUnreachableRegistryIsNoAnswer() {
    String url = server.url();
    server.close();
    RestSchemaRegistryClient unreachable = new RestSchemaRegistryClient(url);

    assertThatThrownBy(() -> unreachable.getById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_ANSWER))
        .hasMessageContaining("did not answer");
  }
}
