package dev.agentos.auth;

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
import java.util.stream.Stream;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * How both HTTP APIs document what they share in their OpenAPI documents: the API key every
 * operation needs, and the problem+json answers ({@link ProblemJsonHandler}) operations may give.
 */
public final class ApiDocs {

  private static final String API_KEY = "apiKey";
  private static final String PROBLEM = "Problem";

  static {
    // The caller comes from the API key (ApiKeyInterceptor), not from a query parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  private ApiDocs() {}

  /**
   * A document titled by {@code info}, every operation secured by an API key, with the problem
   * schema whose {@code field} is described as {@code fieldMeaning}.
   */
  public static OpenAPI secured(Info info, String fieldMeaning) {
    return new OpenAPI()
        .info(info)
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An AgentOS API key: Authorization: Bearer aos_…"))
                .addSchemas(PROBLEM, problemSchema(fieldMeaning)))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /** The operations under {@code /v1/}: those the API key and the problem answers apply to. */
  public static Stream<Operation> v1Operations(OpenAPI openApi) {
    return openApi.getPaths().entrySet().stream()
        .filter(path -> path.getKey().startsWith("/v1/"))
        .flatMap(path -> path.getValue().readOperations().stream());
  }

  /** Adds each problem answer ({@code status → description}) the operation does not document. */
  public static void addProblems(Operation operation, Map<String, String> problems) {
    problems.forEach((status, description) -> addProblem(operation, status, description));
  }

  /** Adds a problem answer, unless the operation documents that status itself. */
  public static void addProblem(Operation operation, String status, String description) {
    if (operation.getResponses().get(status) == null) {
      operation.getResponses().addApiResponse(status, problem(description));
    }
  }

  /** Whether the operation names an item in its path, so that it can answer 404. */
  public static boolean hasPathParameter(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
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

  private static Schema<?> problemSchema(String fieldMeaning) {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("URI naming the kind of problem"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("what is wrong, in words"))
        .addProperty("instance", new StringSchema())
        .addProperty("field", new StringSchema().description(fieldMeaning));
  }
}
