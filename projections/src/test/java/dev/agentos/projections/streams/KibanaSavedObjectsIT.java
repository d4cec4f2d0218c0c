package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamIndexSetup;
import dev.agentos.schemas.topics.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped index templates and saved objects on the real Elasticsearch: templates installed as a
 * user would (under a random prefix), one event of every type written through the projection's
 * writer, and every field the saved objects use looked up in the mappings Elasticsearch reports.
 */
@ExtendWith(LocalStackExtension.class)
class KibanaSavedObjectsIT {

  private static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RestClient rest;
  private static RestClientTransport transport;
  private static ElasticsearchClient client;
  private static EventStreamIndexWriter writer;
  private static final List<SpecificRecord> EVENTS = RandomEvents.ofEveryType(7);

  @BeforeAll
  static void installTemplatesAndIndexEveryEventType(StackEndpoints stack) throws IOException {
    rest = RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build();
    transport = new RestClientTransport(rest, ElasticsearchJson.mapper());
    client = new ElasticsearchClient(transport);
    installShippedTemplates();
    writer = new EventStreamIndexWriter(client, new EventStreams(PREFIX));
    writer.index(EVENTS);
    refresh();
  }

  @AfterAll
  static void dropIndicesAndTemplates() throws IOException {
    if (client == null) {
      return;
    }
    // This Elasticsearch refuses wildcard deletes: name each index and template.
    EventStreams names = new EventStreams(PREFIX);
    for (Topic<String, ?> topic : EventStreams.topics()) {
      String stream = EventStreams.streamOf(topic);
      client.indices().delete(d -> d.index(names.index(stream)).ignoreUnavailable(true));
      client.indices().deleteIndexTemplate(d -> d.name(names.template(stream)));
    }
    transport.close();
  }

  /** The files of deploy/kibana/index-templates, each name and pattern under our prefix. */
  private static void installShippedTemplates() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(StreamMappingsTest.SHIPPED)) {
      files = list.filter(file -> file.toString().endsWith(".json")).toList();
    }
    assertThat(files).hasSize(EventStreams.topics().size());
    for (Path file : files) {
      ObjectNode template = (ObjectNode) JSON.readTree(file.toFile());
      String name = PREFIX + file.getFileName().toString().replace(".json", "");
      var patterns = template.putArray("index_patterns");
      JSON.readTree(file.toFile())
          .path("index_patterns")
          .forEach(pattern -> patterns.add(PREFIX + pattern.asText()));
      ObjectNode aliases = JSON.createObjectNode();
      template
          .path("template")
          .path("aliases")
          .fieldNames()
          .forEachRemaining(alias -> aliases.putObject(PREFIX + alias));
      ((ObjectNode) template.get("template")).set("aliases", aliases);
      String body = JSON.writeValueAsString(template);
      client.indices().putIndexTemplate(t -> t.name(name).withJson(new StringReader(body)));
    }
  }

  @Test
  void everyFieldTheSavedObjectsUseIsInTheRealMappingsWithAFittingType() {
    SavedObjectFields saved = SavedObjectFields.shipped();
    List<SavedObjectFields.Use> uses = saved.uses();
    assertThat(uses).hasSizeGreaterThan(40);
    Map<String, List<Map<String, String>>> cache = new HashMap<>();
    List<String> problems =
        SavedObjectFields.problems(uses, title -> cache.computeIfAbsent(title, this::realMappings));
    assertThat(problems).isEmpty();
    // Not vacuous: the real mappings do refuse a field nobody mapped.
    assertThat(
            SavedObjectFields.problems(
                List.of(
                    new SavedObjectFields.Use(
                        "x",
                        "agentos-events-deadletters",
                        "outcome",
                        SavedObjectFields.Need.EXISTS)),
                this::realMappings))
        .hasSize(1);
  }

  @Test
  void everyStreamHasItsIndexBehindItsAliasWithOneDocumentPerEvent() throws IOException {
    assertThat(realMappings("agentos-events-*")).hasSize(EventStreams.topics().size());
    List<FieldValue> ids =
        EVENTS.stream().map(event -> FieldValue.of(EventDocuments.eventId(event))).toList();
    long ours =
        client
            .count(
                c ->
                    c.index(PREFIX + "agentos-events-*")
                        .query(q -> q.terms(t -> t.field("eventId").terms(v -> v.value(ids)))))
            .count();
    assertThat(ours).isEqualTo(EVENTS.size());
    JsonNode aliases = get("/" + PREFIX + "agentos-events-executions/_alias");
    assertThat(aliases.has(PREFIX + "agentos-events-executions-v1")).isTrue();
  }

  @Test
  void aRedeliveredEventOverwritesItsDocumentInsteadOfAddingOne() throws IOException {
    ExecutionCompleted event = RandomEvents.of(ExecutionCompleted.class, 99);
    writer.index(event);
    writer.index(event);
    writer.index(List.of(event, event));
    refresh();
    String alias = PREFIX + "agentos-events-executions";
    String query = "eventId:\"" + event.getHeader().getEventId() + "\"";
    JsonNode hits = get("/" + alias + "/_search?q=" + encode(query)).path("hits");
    assertThat(hits.path("total").path("value").asLong()).isEqualTo(1);
    JsonNode doc = hits.path("hits").get(0);
    assertThat(doc.path("_id").asText()).isEqualTo(event.getHeader().getEventId());
    assertThat(doc.path("_source").path("outcome").asText()).isEqualTo(event.getOutcome().name());
    assertThat(doc.path("_source").path("@timestamp").asText())
        .isEqualTo(event.getHeader().getOccurredAt().toString());
  }

  @Test
  void aSecondSetupChangesNothingAndKeepsTheDocuments() throws IOException {
    long before = count(PREFIX + "agentos-events-*");
    StreamIndexSetup setup = new StreamIndexSetup(client, new EventStreams(PREFIX));
    setup.ensure();
    setup.ensure();
    assertThat(count(PREFIX + "agentos-events-*")).isEqualTo(before);
  }

  /** Leaf fields of every index a data view title matches, under our prefix. */
  private List<Map<String, String>> realMappings(String title) {
    try {
      JsonNode byIndex = get("/" + PREFIX + title + "/_mapping");
      List<Map<String, String>> indices = new ArrayList<>();
      byIndex.forEach(index -> indices.add(MappedFields.of(index.path("mappings"))));
      return indices;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long count(String index) throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  private static void refresh() throws IOException {
    client.indices().refresh(r -> r.index(PREFIX + "agentos-events-*"));
  }

  private static JsonNode get(String path) throws IOException {
    try (InputStream body =
        rest.performRequest(new Request("GET", path)).getEntity().getContent()) {
      return JSON.readTree(body);
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
