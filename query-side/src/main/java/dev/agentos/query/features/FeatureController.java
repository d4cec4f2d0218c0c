package dev.agentos.query.features;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.metrics.SeriesBounds;
import dev.agentos.query.web.InvalidQueryException;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.query.web.ProjectScope;
import dev.agentos.readmodels.features.FeatureEntityRef;
import dev.agentos.readmodels.features.FeatureReader;
import dev.agentos.readmodels.features.FeatureSeries;
import dev.agentos.readmodels.features.FeatureVector;
import dev.agentos.readmodels.metrics.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The feature vectors the features job computed for an agent, a session or a project, from the
 * InfluxDB read model the {@code features-influx} projection writes (as fresh as it). Scoped like
 * the memory reads: the key's tenant, the project asked for or else the key's; an entity of another
 * tenant or project is 404, exactly as one with no vectors.
 *
 * <p>Features want {@code QUERY_READ}, the scope of what the query side derives.
 */
@RestController
@RequestMapping("/v1/features")
@Tag(name = "features", description = "Feature vectors of agents, sessions and projects")
public class FeatureController {

  private final FeatureReader features;
  private final Clock clock;

  public FeatureController(FeatureReader features, Clock clock) {
    this.features = features;
    this.clock = clock;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "An entity's latest feature vectors",
      description =
          "The latest vector of the entity in each window (only `window`'s when given), in the"
              + " project (the request's, else the API key's). An AGENT or SESSION is named by its"
              + " id; a PROJECT by its id or, without one, is the project read. 404 when the"
              + " entity has no vector (another tenant's or project's has none here).")
  public FeatureVectorsResponse latestFeatures(
      Caller caller,
      @Parameter(description = "AGENT, SESSION or PROJECT") @RequestParam(required = false)
          String entityType,
      @Parameter(description = "the agent or session id; a PROJECT's is optional")
          @RequestParam(required = false)
          String entityId,
      @Parameter(description = "the window's length as the job labels it, e.g. 1h or 24h")
          @RequestParam(required = false)
          String window,
      @RequestParam(required = false) String projectId) {
    FeatureEntityRef entity =
        FeatureEntityParameters.entity(caller, entityType, entityId, projectId);
    List<FeatureVector> vectors =
        features.latest(entity, FeatureEntityParameters.window(window, false));
    if (vectors.isEmpty()) {
      throw unknown(entity, window);
    }
    return new FeatureVectorsResponse(
        entity.type().name(), entity.id(), entity.projectId(), vectors);
  }

  @GetMapping("/series")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      summary = "A feature's series",
      description =
          "The values of one feature in the entity's vectors of one window, at each vector's"
              + " asOf, from `from` (inclusive, default a day before `to`) to `to` (exclusive,"
              + " default now), at most 31 days, oldest first, at most `limit`. The feature is"
              + " named as in the vectors (execution.success.rate.1h) or without its window's"
              + " label (execution.success.rate). 404 when the entity has no vector in that"
              + " window.")
  public FeatureSeriesResponse featureSeries(
      Caller caller,
      @Parameter(description = "e.g. execution.success.rate.1h") @RequestParam(required = false)
          String feature,
      @Parameter(description = "AGENT, SESSION or PROJECT") @RequestParam(required = false)
          String entityType,
      @Parameter(description = "the agent or session id; a PROJECT's is optional")
          @RequestParam(required = false)
          String entityId,
      @Parameter(description = "e.g. 1h or 24h") @RequestParam(required = false) String window,
      @RequestParam(required = false) String projectId,
      @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false)
          Instant from,
      @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false)
          Instant to,
      @Parameter(description = "points, 1 to 10000 (default 1000)") @RequestParam(required = false)
          Integer limit) {
    String name = ProjectScope.blankToNull(feature);
    if (name == null) {
      throw new InvalidQueryException("feature", "give the feature's name");
    }
    FeatureEntityRef entity =
        FeatureEntityParameters.entity(caller, entityType, entityId, projectId);
    String label = FeatureEntityParameters.window(window, true);
    // Every feature name ends in its window's label: a name without it is completed.
    String full = name.endsWith("." + label) ? name : name + "." + label;
    TimeRange range = SeriesBounds.range(from, to, clock.instant());
    FeatureSeries series =
        features
            .series(entity, label, full, range, SeriesBounds.limit(limit))
            .orElseThrow(() -> unknown(entity, label));
    return new FeatureSeriesResponse(
        entity.type().name(),
        entity.id(),
        entity.projectId(),
        label,
        full,
        range.from(),
        range.to(),
        series.points(),
        series.truncated());
  }

  private static NotFoundException unknown(FeatureEntityRef entity, String window) {
    return new NotFoundException(
        "no feature vectors of "
            + entity.type()
            + " "
            + entity.id()
            + (window == null || window.isBlank() ? "" : " in window " + window.strip()));
  }
}
