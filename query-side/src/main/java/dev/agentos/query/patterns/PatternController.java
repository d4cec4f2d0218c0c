package dev.agentos.query.patterns;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.patterns.Pattern;
import dev.agentos.readmodels.patterns.PatternFilter;
import dev.agentos.readmodels.patterns.PatternReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recurring error and success patterns the learning jobs found in a project, from the patterns
 * read model: each pattern as its latest snapshot, as fresh as the {@code patterns-cassandra}
 * projection. Scoped like the memory reads: the key's tenant, the project asked for or else the
 * key's; another tenant's or project's pattern is 404, exactly as an unknown id.
 *
 * <p>Patterns want {@code QUERY_READ}, the scope of what the query side derives rather than of
 * memories: a key that may read memories need not see the project's failure statistics.
 */
@RestController
@RequestMapping("/v1/patterns")
@Tag(name = "patterns", description = "Recurring error and success patterns of a project")
public class PatternController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final PatternReader patterns;

  public PatternController(PatternReader patterns) {
    this.patterns = patterns;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "List patterns",
      description =
          "The patterns of a project (the request's, else the API key's) in pattern id order,"
              + " filtered by kind, language, status and last seen since an instant. Paged: pass"
              + " nextCursor back as cursor with the same filters; a null nextCursor ends the"
              + " list.")
  public PatternPage listPatterns(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "ERROR or SUCCESS") @RequestParam(required = false) PatternKind kind,
      @Parameter(description = "e.g. python; patterns specific to this language")
          @RequestParam(required = false)
          String language,
      @Parameter(description = "ISO-8601 instant: patterns last seen at or after it")
          @RequestParam(required = false)
          Instant since,
      @Parameter(description = "NEW, RECURRING or RISING: why the latest snapshot was reported")
          @RequestParam(required = false)
          PatternStatus status,
      @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false)
          Integer limit,
      @Parameter(description = "the nextCursor of the previous page")
          @RequestParam(required = false)
          String cursor) {
    String project = ProjectScope.project(caller, projectId);
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidQueryException(
          "limit", "must be between 1 and " + MAX_LIMIT + ", was " + size);
    }
    Page<Pattern> page =
        patterns.list(
            caller.tenantId(),
            project,
            new PatternFilter(kind, language, since, status),
            size,
            cursor == null || cursor.isBlank() ? null : cursor.strip());
    return new PatternPage(page.items(), page.nextCursor());
  }

  @GetMapping("/{patternId}")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "A pattern by id",
      description =
          "The pattern's latest snapshot in the project (the request's, else the API key's);"
              + " another tenant's or project's pattern is 404, as an unknown id.")
  public Pattern pattern(
      Caller caller,
      @PathVariable String patternId,
      @RequestParam(required = false) String projectId) {
    String project = ProjectScope.project(caller, projectId);
    return patterns
        .pattern(caller.tenantId(), project, patternId)
        .orElseThrow(() -> new NotFoundException("no pattern " + patternId));
  }
}
