package dev.agentos.query.anomalies;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.derived.AnomalySeverity;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.anomalies.Anomaly;
import dev.agentos.readmodels.anomalies.AnomalyFilter;
import dev.agentos.readmodels.anomalies.AnomalyReader;
import dev.agentos.readmodels.memory.Page;
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
 * The anomalies the anomaly job found in a project's metric series, from the anomalies read model,
 * as fresh as the {@code anomalies-cassandra} projection. Scoped like the memory reads: the key's
 * tenant, the project asked for or else the key's; another tenant's or project's anomaly is 404,
 * exactly as an unknown id.
 *
 * <p>Anomalies want {@code QUERY_READ}, the scope of what the query side derives rather than of
 * memories: a key that may read memories need not see the project's operational statistics.
 */
@RestController
@RequestMapping("/v1/anomalies")
@Tag(name = "anomalies", description = "Anomalies found in a project's metric series")
public class AnomalyController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final AnomalyReader anomalies;

  public AnomalyController(AnomalyReader anomalies) {
    this.anomalies = anomalies;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "listAnomalies",
      summary = "List anomalies",
      description =
          "The anomalies of a project (the request's, else the API key's), newest first by the"
              + " time of the sample found anomalous, filtered by metric, minimum severity and a"
              + " time range [since, until). Paged: pass nextCursor back as cursor with the same"
              + " filters; a null nextCursor ends the list.")
  public AnomalyPage list(
      Caller caller,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "the metric name, e.g. tool.latency_ms")
          @RequestParam(required = false)
          String metric,
      @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL: anomalies of this or a higher one")
          @RequestParam(required = false)
          AnomalySeverity severity,
      @Parameter(description = "ISO-8601 instant: anomalies at or after it")
          @RequestParam(required = false)
          Instant since,
      @Parameter(description = "ISO-8601 instant: anomalies before it")
          @RequestParam(required = false)
          Instant until,
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
    if (since != null && until != null && !since.isBefore(until)) {
      throw new InvalidQueryException(
          "since", "since (" + since + ") is not before until (" + until + ")");
    }
    Page<Anomaly> page =
        anomalies.list(
            caller.tenantId(),
            project,
            new AnomalyFilter(metric, severity, since, until),
            size,
            cursor == null || cursor.isBlank() ? null : cursor.strip());
    return new AnomalyPage(page.items(), page.nextCursor());
  }

  @GetMapping("/{anomalyId}")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "anomaly",
      summary = "An anomaly by id",
      description =
          "The anomaly in the project (the request's, else the API key's); another tenant's or"
              + " project's anomaly is 404, as an unknown id.")
  public Anomaly anomaly(
      Caller caller,
      @PathVariable String anomalyId,
      @RequestParam(required = false) String projectId) {
    String project = ProjectScope.project(caller, projectId);
    return anomalies
        .anomaly(caller.tenantId(), project, anomalyId)
        .orElseThrow(() -> new NotFoundException("no anomaly " + anomalyId));
  }
}
