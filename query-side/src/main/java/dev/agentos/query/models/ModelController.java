package dev.agentos.query.models;

import dev.agentos.auth.Caller;
import dev.agentos.auth.RequiresScope;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.query.web.NotFoundException;
import dev.agentos.readmodels.models.Model;
import dev.agentos.readmodels.models.ModelReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prediction models of the caller's tenant, from the models read model, as fresh as the {@code
 * models-cassandra} projection: their trained versions with metrics and calibration, promotions,
 * live performance, and which version is champion or challenger.
 *
 * <p>Scoped by tenant only: a model learns from all the tenant's projects, so a key of any of them
 * (or of none) reads its tenant's models, and none reads another tenant's (404, exactly as an
 * unknown model). Models want {@code QUERY_READ}, the scope of what the query side derives.
 */
@RestController
@RequestMapping("/v1/models")
@Tag(name = "models", description = "Prediction models, their versions and which one serves")
public class ModelController {

  private final ModelReader models;

  public ModelController(ModelReader models) {
    this.models = models;
  }

  @GetMapping
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "listModels",
      summary = "The tenant's models",
      description =
          "Every model of the API key's tenant, by name, each with its versions newest trained"
              + " first (role CHAMPION, CHALLENGER or RETIRED, held-out metrics, calibration, live"
              + " performance) and its promotions newest first. A key of any project of the tenant"
              + " reads them: models learn from all its projects.")
  public List<Model> listModels(Caller caller) {
    return models.models(caller.tenantId());
  }

  @GetMapping("/{modelName}")
  @RequiresScope(ApiKeyScope.QUERY_READ)
  @Operation(
      operationId = "model",
      summary = "A model by name",
      description =
          "The tenant's model of this name (e.g. execution-success); another tenant's is 404, as"
              + " an unknown name.")
  public Model model(Caller caller, @PathVariable String modelName) {
    return models
        .model(caller.tenantId(), modelName)
        .orElseThrow(() -> new NotFoundException("no model " + modelName));
  }
}
