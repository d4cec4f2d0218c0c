package dev.agentos.deploy.registry.http;

/**
 * What a route answers: a status and a value written as JSON, or JSON text written as is (the
 * {@code /schema} routes return the schema itself).
 */
public record Response(int status, Object body, String rawJson) {

  public static Response ok(Object body) {
    return new Response(200, body, null);
  }

  public static Response rawJson(String json) {
    return new Response(200, null, json);
  }
}
