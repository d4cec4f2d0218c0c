package dev.agentos.query.web;

import dev.agentos.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document served at {@code /v3/api-docs} and kept in {@code docs/api/}: API-key
 * security on every operation, and the problem+json answers every {@code /v1} operation can give.
 */
@Configuration
public class OpenApiConfig {

  static {
    // The caller comes from the API key (ApiKeyInterceptor), not from a query parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  private static final String API_KEY = "apiKey";
  private static final String PROBLEM = "Problem";

  private static final Map<String, String> COMMON_PROBLEMS =
      Map.of(
          "401", "No API key, or an unknown, revoked or expired one",
          "403", "The key lacks the scope this operation needs",
          "422", "A query parameter is invalid; `field` names it");

  @Bean
  OpenAPI agentOsQueryOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("AgentOS query API")
                .version("v1")
                .description(
                    "Reads from AgentOS's read models: memories, contexts and sessions, within the"
                        + " tenant of the caller's API key (the same keys as the command API)."
                        + " Errors are application/problem+json naming what is wrong."))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An AgentOS API key: Authorization: Bearer aos_…"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /** Adds the answers every /v1 operation may give, so no client is surprised by them. */
  @Bean
  OpenApiCustomizer commonProblems() {
    return openApi ->
        openApi.getPaths().entrySet().stream()
            .filter(path -> path.getKey().startsWith("/v1/"))
            .flatMap(path -> path.getValue().readOperations().stream())
            .forEach(
                operation -> {
                  COMMON_PROBLEMS.forEach(
                      (status, description) -> add(operation, status, description));
                  if (operation.getParameters() != null
                      && operation.getParameters().stream()
                          .anyMatch(p -> "path".equals(p.getIn()))) {
                    add(
                        operation,
                        "404",
                        "Nothing with this id in the caller's tenant (another tenant's is 404"
                            + " too)");
                  }
                });
  }

  private static void add(Operation operation, String status, String description) {
    if (operation.getResponses().get(status) == null) {
      operation.getResponses().addApiResponse(status, problem(description));
    }
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("URI naming the kind of problem"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("what is wrong, in words"))
        .addProperty("instance", new StringSchema())
        .addProperty(
            "field", new StringSchema().description("for 422: the parameter that is wrong"));
  }
}
