package dev.agentos.command.web;

import dev.agentos.auth.ApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Arrays;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
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
          "400", "The body is not one JSON object, or the URL or headers are malformed",
          "401", "No API key, or an unknown, revoked or expired one",
          "403", "The key lacks the scope this operation needs",
          "413", "The body is larger than the limit (5 MB by default)",
          "415", "The body is not application/json",
          "422", "A field or context header is invalid; `field` names it");

  @Bean
  OpenAPI agentOsOpenApi() {
    return ApiDocs.secured(
        new Info()
            .title("AgentOS command API")
            .version("v1")
            .description(
                "Writes into AgentOS: raw agent events, memories, contexts, agents and keys,"
                    + " executions and suggestions. Every command answers with the id and"
                    + " version of what it changed (also as ETag; send it back in If-Match)."
                    + " Errors are application/problem+json naming what is wrong."),
        "for 422: the path of the bad field");
  }

  /** Adds the answers every /v1 operation may give, so no client is surprised by them. */
  @Bean
  OpenApiCustomizer commonProblems() {
    return openApi ->
        ApiDocs.v1Operations(openApi)
            .forEach(
                operation -> {
                  ApiDocs.addProblems(operation, COMMON_PROBLEMS);
                  if (ApiDocs.hasPathParameter(operation)) {
                    ApiDocs.addProblem(
                        operation,
                        "404",
                        "Nothing with this id that the key may see: unknown, another tenant's, or"
                            + " another project's for a key bound to one (the same answer for"
                            + " each)");
                  }
                  if (!operation.getResponses().containsKey("207")) {
                    ApiDocs.addProblem(
                        operation,
                        "409",
                        "Refused by the item's current state (e.g. deleted), a stale If-Match"
                            + " version, or an id already taken; `detail` says which");
                  }
                });
  }

  /**
   * springdoc reads {@code @Pattern} but not constraints composed of it, such as {@link ItemId}.
   */
  @Bean
  PropertyCustomizer itemIdPattern() {
    return (schema, type) -> {
      if (type.getCtxAnnotations() != null
          && Arrays.stream(type.getCtxAnnotations()).anyMatch(ItemId.class::isInstance)) {
        schema.setPattern(ItemId.PATTERN);
      }
      return schema;
    };
  }
}
