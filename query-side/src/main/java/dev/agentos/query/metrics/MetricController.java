package dev.agentos.query.metrics;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.metrics.MetricAggregate;
import dev.agentos.readmodels.metrics.MetricQuery;
import dev.agentos.readmodels.metrics.MetricReader;
import dev.agentos.readmodels.metrics.MetricSeries;
import dev.agentos.readmodels.metrics.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metric series from the InfluxDB read model the {@code metrics-influx} projection writes (as fresh
 * as it), always within the key's tenant and one project (the one asked for, else the key's):
 * another project's samples are never answered, whatever tags are asked for.
 *
 * <p>Metrics want {@code QUERY_READ}, like the other reads of what the agents did rather than of
 * memories.
 */
@RestController
@RequestMapping("/v1/metrics")
@Tag(name = "metrics", description = "Metric series of a project")
public class MetricController {

  private final MetricReader metrics;
  private final Clock clock;

  public MetricController(MetricReader metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "A metric's series",
      description =
          "The samples of metric `name` in the project (the request's, else the API key's) from"
              + " `from` (inclusive, default a day before `to`) to `to` (exclusive, default now),"
              + " at most 31 days, oldest first, at most `limit`. Filter by the metric's own tags"
              + " with `tag.<key>=<value>` (repeatable, all must match) and by `agentId` and"
              + " `sessionId`. With `interval` (PT5M or 5m, 30s, 500ms, 1h, 1d; at most 10000"
              + " intervals in the range) each point is the `aggregate` (mean, the default; min,"
              + " max or count) of an interval's samples, intervals aligned to the epoch and"
              + " empty ones left out.")
  public MetricSeriesResponse metricSeries(
      Caller caller,
      @Parameter(description = "the metric, as recorded") @RequestParam(required = false)
          String name,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "only this agent's samples") @RequestParam(required = false)
          String agentId,
      @Parameter(description = "only this session's samples") @RequestParam(required = false)
          String sessionId,
      @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false)
          Instant from,
      @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false)
          Instant to,
      @Parameter(description = "one point per interval: PT5M, 5m, 30s, 500ms, 1h, 1d")
          @RequestParam(required = false)
          String interval,
      @Parameter(description = "mean (default), min, max or count; with interval only")
          @RequestParam(required = false)
          String aggregate,
      @Parameter(description = "points, 1 to 10000 (default 1000)") @RequestParam(required = false)
          Integer limit,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
    String metric = ProjectScope.blankToNull(name);
    if (metric == null) {
      throw new InvalidQueryException("name", "give the metric's name");
    }
    String project = ProjectScope.project(caller, projectId);
    TimeRange range = SeriesBounds.range(from, to, clock.instant());
    int size = SeriesBounds.limit(limit);
    Duration length = interval == null ? null : MetricParameters.interval(interval);
    MetricAggregate function = MetricParameters.aggregate(aggregate, length, range);
    MetricQuery query =
        new MetricQuery(
            caller.tenantId(),
            project,
            metric,
            MetricParameters.tags(parameters),
            ProjectScope.blankToNull(agentId),
            ProjectScope.blankToNull(sessionId),
            range,
            length,
            function,
            size);
    MetricSeries series = metrics.read(query);
    return new MetricSeriesResponse(
        metric,
        project,
        query.tags(),
        range.from(),
        range.to(),
        length == null ? null : length.toString(),
        function == null ? null : function.name(),
        series.points(),
        series.truncated());
  }
}
