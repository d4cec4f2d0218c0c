package dev.agentos.query.suggestions;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.query.web.SessionListParameters;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.suggestions.Suggestion;
import dev.agentos.readmodels.suggestions.SuggestionReader;
import dev.agentos.readmodels.suggestions.SuggestionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The code suggestions agents proposed, with what was done with them and their verifications, from
 * the suggestions read model, as fresh as the {@code executions-cassandra} projection. Scoped like
 * every learning read ({@link ProjectScope}): another tenant's or project's suggestion is 404,
 * exactly as an unknown one. Suggestions want {@code QUERY_READ}.
 */
@RestController
@RequestMapping("/v1/suggestions")
@Tag(name = "suggestions", description = "Code suggestions and their verification by tests")
public class SuggestionController {

  private final SuggestionReader suggestions;

  public SuggestionController(SuggestionReader suggestions) {
    this.suggestions = suggestions;
  }

  @GetMapping("/{suggestionId}")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "suggestion",
      summary = "A suggestion by id, with its verifications",
      description =
          "The suggestion in the project (the request's, else the API key's): its language, file,"
              + " format, code and rationale, what was done with it once recorded, and each"
              + " verification, oldest request first: REQUESTED until its tests ran, then PASSED,"
              + " FAILED or ERROR with the counts and the names of the tests that passed and"
              + " failed. Another tenant's or project's suggestion is 404, as an unknown id.")
  public Suggestion suggestion(
      Caller caller,
      @PathVariable String suggestionId,
      @RequestParam(required = false) String projectId) {
    String project = ProjectScope.project(caller, projectId);
    return suggestions
        .suggestion(caller.tenantId(), project, suggestionId)
        .orElseThrow(() -> new NotFoundException("no suggestion " + suggestionId));
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "sessionSuggestions",
      summary = "A session's suggestions",
      description =
          "The suggestions proposed in a session of the project (the request's, else the API"
              + " key's), newest first, each with its outcome and its latest verification's"
              + " status. Paged: pass nextCursor back as cursor with the same sessionId; a null"
              + " nextCursor ends the list. A session with none (another tenant's or project's"
              + " included) is an empty list.")
  public SuggestionPage sessionSuggestions(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "the session whose suggestions to list (required)")
          @RequestParam(required = false)
          String sessionId,
      @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    String project = ProjectScope.project(caller, projectId);
    Page<SuggestionSummary> page =
        suggestions.bySession(
            caller.tenantId(),
            project,
            SessionListParameters.sessionId(sessionId),
            SessionListParameters.limit(limit),
            SessionListParameters.cursor(cursor));
    return new SuggestionPage(page.items(), page.nextCursor());
  }
}
