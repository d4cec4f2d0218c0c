package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema registry of module deploy/local/registry: Confluent's REST API, its state in Kafka's
 * compacted {@code _schemas} topic (so it keeps nothing in its own folder and needs Kafka first).
 */
public final class RegistryService implements LocalService {

  static final String MAIN_CLASS = "dev.agentos.deploy.registry.RegistryMain";

  @Override
  public String name() {
    return "registry";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 8081);
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka");
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Files.createDirectories(ctx.logDir());
    return ctx.javaCommand(
        "registry",
        List.of("-Xmx128m"),
        MAIN_CLASS,
        List.of(
            "--port",
            String.valueOf(ctx.port("http")),
            "--kafka-bootstrap-servers",
            "127.0.0.1:" + ctx.portOf("kafka", "broker")));
  }

  /** Answers only after replaying {@code _schemas}, so 200 here means every schema is known. */
  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return Health.httpOk(url(ctx) + "/subjects");
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(StackEndpoints.SCHEMA_REGISTRY_URL, url(ctx));
  }

  private static String url(ServiceContext ctx) {
    return "http://127.0.0.1:" + ctx.port("http");
  }
}
