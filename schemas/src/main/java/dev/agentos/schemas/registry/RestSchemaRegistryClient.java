package dev.agentos.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API ({@code application/vnd.schemaregistry.v1+json})
 * over {@link HttpClient}. Remembers nothing: every call is one request (see {@link
 * CachingSchemaRegistryClient}).
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;

  public RestSchemaRegistryClient(String baseUrl) {
    this(
        baseUrl,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Duration.ofSeconds(30));
  }

  public RestSchemaRegistryClient(String baseUrl, HttpClient http, Duration timeout) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.timeout = timeout;
  }

  @Override
  public int register(String subject, Schema schema) {
    return send("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema))
        .get("id")
        .asInt();
  }

  @Override
  public int getId(String subject, Schema schema) {
    return send("POST", "/subjects/" + segment(subject), schemaBody(schema)).get("id").asInt();
  }

  @Override
  public Schema getById(int id) {
    return parse(send("GET", "/schemas/ids/" + id, null).get("schema").asText());
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return registered(send("GET", "/subjects/" + segment(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return registered(send("GET", "/subjects/" + segment(subject) + "/versions/" + version, null));
  }

  @Override
  public CompatibilityCheck testCompatibility(String subject, Schema schema) {
    JsonNode answer =
        send(
            "POST",
            "/compatibility/subjects/" + segment(subject) + "/versions/latest?verbose=true",
            schemaBody(schema));
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(m -> messages.add(m.asText()));
    return new CompatibilityCheck(answer.path("is_compatible").asBoolean(false), messages);
  }

  private JsonNode send(String method, String path, String body) {
    BodyPublisher publisher =
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE)
            .header("Content-Type", CONTENT_TYPE)
            .method(method, publisher)
            .build();
    String call = method + " " + baseUrl + path;
    HttpResponse<String> response;
    try {
      response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw noAnswer(call, "did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw noAnswer(call, "was interrupted", e);
    }
    JsonNode json = readJson(call, response);
    if (response.statusCode() / 100 != 2) {
      int errorCode = json.path("error_code").asInt(response.statusCode());
      String message = json.path("message").asText("(no message)");
      throw new SchemaRegistryException(
          response.statusCode(),
          errorCode,
          message
              + " (error_code "
              + errorCode
              + ", HTTP "
              + response.statusCode()
              + " on "
              + call
              + ")",
          null);
    }
    return json;
  }

  private static JsonNode readJson(String call, HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          response.statusCode(),
          SchemaRegistryException.NO_ANSWER,
          "Not a schema registry answer (HTTP "
              + response.statusCode()
              + " on "
              + call
              + "): "
              + abbreviate(response.body()),
          e);
    }
  }

  private static SchemaRegistryException noAnswer(String call, String what, Exception cause) {
    return new SchemaRegistryException(
        SchemaRegistryException.NO_ANSWER,
        SchemaRegistryException.NO_ANSWER,
        "Schema registry call " + call + " " + what,
        cause);
  }

  private static RegisteredSchema registered(JsonNode json) {
    return new RegisteredSchema(
        json.get("subject").asText(),
        json.get("version").asInt(),
        json.get("id").asInt(),
        parse(json.get("schema").asText()));
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON string", e);
    }
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static String segment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
