package dev.agentos.query.health;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.health.HealthReader;
import dev.agentos.readmodels.health.HealthReport;
import dev.agentos.readmodels.health.HealthTrend;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's health as the learning jobs score it, from the project health read model, as fresh as
 * the {@code project-health-cassandra} projection: the latest report, or the reports of a range for
 * a trend. Scoped like every read: the key's tenant, and the project in the path only if the key
 * may read it ({@link Caller#mayRead}); a project it may not read is 404, exactly as an unknown
 * one, as another tenant's is.
 *
 * <p>Health wants {@code QUERY_READ}, the scope of what the query side derives rather than of
 * memories, as patterns do.
 */
@RestController
@RequestMapping("/v1/projects")
@Tag(name = "health", description = "A project's health score and its trend")
public class ProjectHealthController {

  private final HealthReader health;

  public ProjectHealthController(HealthReader health) {
    this.health = health;
  }

  @GetMapping("/{projectId}/health")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "A project's health",
      description =
          "Without from and to: the project's latest health report, its score and components"
              + " (0.00 to 100.00, two decimals), 404 when it has none. With both: the reports"
              + " whose window ended in [from, to), newest first, at most limit of them over at"
              + " most 92 days (an empty list when the project has reports, but none there)."
              + " A project of no report is 404, and so is another tenant's, or one this key may"
              + " not read, exactly as an unknown one.")
  @ApiResponse(
      responseCode = "200",
      description = "the latest report, or with from and to the trend",
      content = @Content(schema = @Schema(oneOf = {HealthReport.class, HealthTrend.class})))
  public Object projectHealth(
      Caller caller,
      @PathVariable String projectId,
      @Parameter(description = "ISO-8601 instant: reports whose window ended at or after it")
          @RequestParam(required = false)
          Instant from,
      @Parameter(description = "ISO-8601 instant: reports whose window ended before it")
          @RequestParam(required = false)
          Instant to,
      @Parameter(description = "with from and to: most reports, 1 to 1000 (default 500)")
          @RequestParam(required = false)
          Integer limit) {
    TrendRange range = TrendRange.of(from, to, limit);
    if (!caller.mayRead(projectId)) {
      throw noReport(projectId);
    }
    if (range == null) {
      return health.latest(caller.tenantId(), projectId).orElseThrow(() -> noReport(projectId));
    }
    HealthTrend trend =
        health.trend(caller.tenantId(), projectId, range.from(), range.to(), range.limit());
    // An empty range of a project that has reports is a trend; of one that has none, unknown.
    if (trend.reports().isEmpty() && health.latest(caller.tenantId(), projectId).isEmpty()) {
      throw noReport(projectId);
    }
    return trend;
  }

  private static NotFoundException noReport(String projectId) {
    return new NotFoundException("no health report of project " + projectId);
  }
}
