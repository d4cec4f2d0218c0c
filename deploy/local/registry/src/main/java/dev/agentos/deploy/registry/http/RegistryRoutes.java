package dev.agentos.deploy.registry.http;

import dev.agentos.deploy.registry.RegistryErrors;
import dev.agentos.deploy.registry.SchemaRegistry;
import dev.agentos.deploy.registry.json.CompatibilityResponse;
import dev.agentos.deploy.registry.json.ConfigResponse;
import dev.agentos.deploy.registry.json.ConfigUpdate;
import dev.agentos.deploy.registry.json.IdResponse;
import dev.agentos.deploy.registry.json.SchemaRequest;
import dev.agentos.deploy.registry.json.SchemaResponse;
import dev.agentos.deploy.registry.json.SubjectVersion;
import java.util.List;
import java.util.Map;

/**
 * The subset of Confluent's REST API that serializers, deserializers and tooling use, mapped onto
 * {@link SchemaRegistry}. Deleting is refused with 501: schemas are kept forever here, so an id
 * once read never disappears.
 */
public final class RegistryRoutes {

  private final SchemaRegistry registry;

  private RegistryRoutes(SchemaRegistry registry) {
    this.registry = registry;
  }

  public static Router router(SchemaRegistry registry) {
    RegistryRoutes r = new RegistryRoutes(registry);
    return new Router()
        .route("GET", "/", req -> Response.ok(Map.of()))
        .route("GET", "/schemas/types", req -> Response.ok(List.of("AVRO")))
        .route("GET", "/subjects", req -> Response.ok(registry.subjects()))
        .route("POST", "/subjects/{subject}", r::lookup)
        .route("DELETE", "/subjects/{subject}", RegistryRoutes::deleteRefused)
        .route("GET", "/subjects/{subject}/versions", r::versions)
        .route("POST", "/subjects/{subject}/versions", r::register)
        .route("GET", "/subjects/{subject}/versions/{version}", r::version)
        .route("DELETE", "/subjects/{subject}/versions/{version}", RegistryRoutes::deleteRefused)
        .route("GET", "/subjects/{subject}/versions/{version}/schema", r::versionSchema)
        .route("GET", "/schemas/ids/{id}", r::schemaById)
        .route("GET", "/schemas/ids/{id}/schema", r::rawSchemaById)
        .route("GET", "/schemas/ids/{id}/versions", r::usages)
        .route("GET", "/schemas/ids/{id}/subjects", r::subjectsOfSchema)
        .route("POST", "/compatibility/subjects/{subject}/versions/{version}", r::compatibility)
        .route("POST", "/compatibility/subjects/{subject}/versions", r::compatibility)
        .route("GET", "/config", r::globalConfig)
        .route("PUT", "/config", r::setGlobalConfig)
        .route("GET", "/config/{subject}", r::subjectConfig)
        .route("PUT", "/config/{subject}", r::setSubjectConfig);
  }

  private Response register(Request req) {
    return Response.ok(
        new IdResponse(registry.register(req.path("subject"), req.body(SchemaRequest.class))));
  }

  private Response lookup(Request req) {
    return Response.ok(registry.lookup(req.path("subject"), req.body(SchemaRequest.class)));
  }

  private Response versions(Request req) {
    return Response.ok(registry.versions(req.path("subject")));
  }

  private Response version(Request req) {
    return Response.ok(registry.version(req.path("subject"), req.path("version")));
  }

  private Response versionSchema(Request req) {
    return Response.rawJson(registry.version(req.path("subject"), req.path("version")).schema());
  }

  private Response schemaById(Request req) {
    return Response.ok(new SchemaResponse(registry.schema(id(req))));
  }

  private Response rawSchemaById(Request req) {
    return Response.rawJson(registry.schema(id(req)));
  }

  private Response usages(Request req) {
    return Response.ok(registry.usages(id(req)));
  }

  private Response subjectsOfSchema(Request req) {
    return Response.ok(
        registry.usages(id(req)).stream().map(SubjectVersion::subject).distinct().toList());
  }

  private Response compatibility(Request req) {
    List<String> violations =
        registry.compatibilityViolations(
            req.path("subject"), req.path("version"), req.body(SchemaRequest.class));
    return Response.ok(
        new CompatibilityResponse(violations.isEmpty(), req.flag("verbose") ? violations : null));
  }

  private Response globalConfig(Request req) {
    return Response.ok(new ConfigResponse(registry.globalLevel().name()));
  }

  private Response setGlobalConfig(Request req) {
    String level = req.body(ConfigUpdate.class).compatibility();
    return Response.ok(new ConfigUpdate(registry.setLevel(null, level).name()));
  }

  private Response subjectConfig(Request req) {
    String subject = req.path("subject");
    return Response.ok(
        new ConfigResponse(registry.subjectLevel(subject, req.flag("defaultToGlobal")).name()));
  }

  private Response setSubjectConfig(Request req) {
    String level = req.body(ConfigUpdate.class).compatibility();
    return Response.ok(new ConfigUpdate(registry.setLevel(req.path("subject"), level).name()));
  }

  private static Response deleteRefused(Request req) {
    throw RegistryErrors.notImplemented(
        "Deleting is not supported by the AgentOS local registry: schemas are kept forever");
  }

  /** A schema id in the path; anything but a number is no such resource, as in Confluent. */
  private static int id(Request req) {
    try {
      return Integer.parseInt(req.path("id"));
    } catch (NumberFormatException e) {
      throw RegistryErrors.notFound();
    }
  }
}
