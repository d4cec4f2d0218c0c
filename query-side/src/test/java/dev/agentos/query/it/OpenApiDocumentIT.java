package dev.agentos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps {@code docs/api/query-openapi.json} equal to the document the application serves, so the
 * published API reference never drifts from the code. Regenerate it with {@code ./mvnw verify -pl
 * query-side -am -Dit.test=OpenApiDocumentIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dopenapi.update=true}.
 */
@ExtendWith({LocalStackExtension.class, QuerySideExtension.class})
class OpenApiDocumentIT {

  private static final Path DOCUMENT = Path.of("..", "docs", "api", "query-openapi.json");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void theCommittedDocumentIsTheServedOne(RunningQuerySide app) throws Exception {
    var served = app.as(null).get("/v3/api-docs");
    assertThat(served.status()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> document = JSON.readValue(served.body(), Map.class);
    // The server URL is the test's random port; readers take it from their own deployment.
    document.remove("servers");
    String canonical = JSON.writeValueAsString(document) + "\n";
    if (Boolean.getBoolean("openapi.update")) {
      Files.writeString(DOCUMENT, canonical);
    }
    assertThat(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "")
        .as(
            "docs/api/query-openapi.json is out of date: regenerate it with ./mvnw verify -pl"
                + " query-side -am -Dit.test=OpenApiDocumentIT -Dtest=none"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true")
        .isEqualTo(canonical);
    assertThat(canonical)
        .contains(
            "/v1/memories/{memoryId}",
            "/v1/contexts/{contextId}",
            "/v1/sessions/",
            "/v1/executions/{executionId}",
            "/v1/suggestions/{suggestionId}");
  }
}
