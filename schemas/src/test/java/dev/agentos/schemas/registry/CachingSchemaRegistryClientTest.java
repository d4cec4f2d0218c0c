package dev.agentos.schemas.registry;

import static dev.agentos.schemas.registry.RestSchemaRegistryClientTest.USER;
import static dev.agentos.schemas.registry.RestSchemaRegistryClientTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Counts the HTTP requests that reach a scripted registry through the cache. */
class CachingSchemaRegistryClientTest {

  FakeRegistryServer server;
  SchemaRegistryClient client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeRegistryServer();
    client = SchemaRegistryClient.connect(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void secondGetByIdMakesNoRequest() throws Exception {
    server.answer("GET /schemas/ids/5", 200, json(Map.of("schema", USER.toString())));

    assertThat(client.getById(5)).isEqualTo(USER);
    assertThat(client.getById(5)).isEqualTo(USER);

    assertThat(server.calls).hasSize(1);
  }

  @Test
  void secondRegisterMakesNoRequestAndTheIdIsKnownForReading() {
    server.answer("POST /subjects/s/versions", 200, "{\"id\":5}");

    assertThat(client.register("s", USER)).isEqualTo(5);
    assertThat(client.register("s", USER)).isEqualTo(5);
    assertThat(client.getId("s", USER)).isEqualTo(5);
    assertThat(client.getById(5)).isEqualTo(USER);

    assertThat(server.calls).hasSize(1);
  }

  @Test
  void theSameSchemaUnderAnotherSubjectIsAskedFor() {
    server.answer("POST /subjects/a/versions", 200, "{\"id\":5}");
    server.answer("POST /subjects/b/versions", 200, "{\"id\":5}");

    client.register("a", USER);
    client.register("b", USER);

    assertThat(server.calls).hasSize(2);
  }

  @Test
  void versionsAreRememberedButLatestIsAlwaysAsked() throws Exception {
    String answer = json(Map.of("subject", "s", "id", 3, "version", 1, "schema", USER.toString()));
    server.answer("GET /subjects/s/versions/latest", 200, answer);

    client.getLatest("s");
    client.getLatest("s");
    client.getVersion("s", 1);
    client.getById(3);

    assertThat(server.calls)
        .extracting(FakeRegistryServer.Call::uri)
        .containsExactly("/subjects/s/versions/latest", "/subjects/s/versions/latest");
  }

  @Test
  void failuresAreNotRemembered() throws Exception {
    assertThatThrownBy(() -> client.getById(5)).isInstanceOf(SchemaRegistryException.class);
    server.answer("GET /schemas/ids/5", 200, json(Map.of("schema", USER.toString())));

    assertThat(client.getById(5)).isEqualTo(USER);
    assertThat(server.calls).hasSize(2);
  }
}
