package dev.agentos.query.web;

import dev.agentos.auth.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document served at {@code /v3/api-docs} and kept in {@code docs/api/}: API-key
 * security on every operation, and the problem+json answers every {@code /v1} operation can give.
 */
@Configuration
public class OpenApiConfig {

  private static final Map<String, String> COMMON_PROBLEMS =
      Map.of(
          "400",
          "The body is not one JSON object, or the URL or headers are malformed",
          "401",
          "No API key, or an unknown, revoked or expired one",
          "403",
          "The key lacks the scope this operation needs",
          "413",
          "The body is larger than the limit (256 KB by default)",
          "422",
          "A query parameter, body field or context header is invalid; `field` names it");

  /**
   * The operations that name what they read in query parameters rather than the path (an
   * execution's predictions, an entity's features) and answer 404 when it is unknown there.
   */
  private static final Set<String> FOUND_BY_QUERY =
      Set.of("predictions", "latestFeatures", "featureSeries");

  @Bean
  OpenAPI agentOsQueryOpenApi() {
    return ApiDocs.secured(
        new Info()
            .title("AgentOS query API")
            .version("v1")
            .description(
                "Reads from AgentOS's read models: memories, contexts and sessions, within the"
                    + " tenant of the caller's API key (the same keys as the command API)."
                    + " Errors are application/problem+json naming what is wrong."),
        "for 422: the parameter that is wrong");
  }

  /** Adds the answers every /v1 operation may give, so no client is surprised by them. */
  @Bean
  OpenApiCustomizer commonProblems() {
    return openApi ->
        ApiDocs.v1Operations(openApi)
            .forEach(
                operation -> {
                  ApiDocs.addProblems(operation, COMMON_PROBLEMS);
                  if (ApiDocs.hasPathParameter(operation)
                      || FOUND_BY_QUERY.contains(operation.getOperationId())) {
                    ApiDocs.addProblem(
                        operation,
                        "404",
                        "Nothing with this id in the caller's tenant (another tenant's is 404"
                            + " too)");
                  }
                });
  }
}
