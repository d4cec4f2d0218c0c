package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.search.MemoryDocuments.Vector;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexSetup;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.readmodels.search.MemoryFields.State;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An index created before {@link MemoryFields#SCOPE_KEY} existed, with documents written then: a
 * start maps the field, the writer can write again, and search finds the old documents in their
 * scope and state as it finds the new ones, never in another tenant's.
 */
@ExtendWith(LocalStackExtension.class)
class ScopeKeyUpgradeIT {

  private static final String ALIAS = "it-scopekey-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String INDEX = ALIAS + "-v1";
  private static final String LAG =
      "Kafka consumer lag alerts fire when the orders topic falls behind.";
  private static final String FLYWAY = "Flyway migrations must never edit an applied script.";

  private static RestClientTransport transport;
  private static ElasticsearchClient client;
  private static MemorySearch search;

  @BeforeAll
  static void anIndexOfTheOldLayoutUpgradedAtStart(StackEndpoints stack) throws IOException {
    transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            ElasticsearchJson.mapper());
    client = new ElasticsearchClient(transport);
    ObjectNode definition;
    try (InputStream in = IndexSetup.class.getResourceAsStream(IndexSetup.DEFINITION)) {
      definition = (ObjectNode) new ObjectMapper().readTree(in);
    }
    ((ObjectNode) definition.get("mappings").get("properties")).remove(MemoryFields.SCOPE_KEY);
    client
        .indices()
        .create(
            c ->
                c.withJson(new StringReader(definition.toString()))
                    .index(INDEX)
                    .aliases(ALIAS, a -> a));
    MemoryEmbedder embedder = new MemoryEmbedder();
    writtenBeforeTheKey(embedder, "tenant-a", "a-old", State.ACTIVE);
    writtenBeforeTheKey(embedder, "tenant-a", "a-old-superseded", State.SUPERSEDED);
    writtenBeforeTheKey(embedder, "tenant-b", "b-old", State.ACTIVE);
    MemoryEmbedding clients = MemoryEvents.embedding("client-model", MemoryEmbedder.DIMENSIONS);
    writtenBeforeTheKey(
        MemoryEvents.stored("tenant-a", "a-old-client", "ctx", FLYWAY, "db"),
        State.ACTIVE,
        new Vector(clients.getModel(), clients.getVector()));

    new IndexSetup(client).ensure(INDEX, ALIAS);

    // dynamic: strict would refuse a document with the key had the start not mapped it
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(client, ALIAS, new MemoryDocuments(embedder));
    writer.on(MemoryEvents.stored("tenant-a", "a-new", "ctx-a", LAG + " Again.", "kafka"), 0);
    MemoryStored ofAnotherModel =
        MemoryEvents.stored("tenant-a", "a-new-client", "ctx-a", FLYWAY + " Again.", "db");
    ofAnotherModel.setEmbedding(clients);
    writer.on(ofAnotherModel, 0);
    client.indices().refresh(r -> r.index(ALIAS));
    search = new MemorySearch(client, ALIAS, embedder);
  }

  private static void writtenBeforeTheKey(
      MemoryEmbedder embedder, String tenant, String memoryId, State state) throws IOException {
    List<Float> vector = new ArrayList<>();
    for (float value : embedder.embedMemories(List.of(LAG)).get(0)) {
      vector.add(value);
    }
    writtenBeforeTheKey(
        MemoryEvents.stored(tenant, memoryId, "ctx", LAG, "kafka"),
        state,
        new Vector(MemoryEmbedder.MODEL_NAME, vector));
  }

  private static void writtenBeforeTheKey(MemoryStored e, State state, Vector vector)
      throws IOException {
    String memoryId = e.getMemoryId();
    Map<String, Object> doc = MemoryDocuments.stored(e, 0, vector);
    doc.remove(MemoryFields.SCOPE_KEY);
    doc.remove(MemoryFields.VECTOR_KEY);
    doc.put(MemoryFields.STATE, state.name());
    String documentId = StreamIds.of(e.getHeader().getTenantId(), memoryId);
    client.index(i -> i.index(ALIAS).id(documentId).document(doc));
  }

  @AfterAll
  static void dropIndex() throws IOException {
    if (client != null) {
      client.indices().delete(d -> d.index(INDEX));
      transport.close();
    }
  }

  @Test
  void everyModeFindsOldAndNewMemoriesOfItsScopeOnly() {
    for (Mode mode : Mode.values()) {
      assertThat(ids(MemoryQuery.of("tenant-a", "project-1", "kafka consumer lag", mode, 10)))
          .as(mode.name())
          .containsExactlyInAnyOrder("a-old", "a-new");
      assertThat(ids(MemoryQuery.of("tenant-b", "project-1", "kafka consumer lag", mode, 10)))
          .as(mode.name())
          .containsExactly("b-old");
      assertThat(ids(MemoryQuery.of("tenant-a", "project-2", "kafka consumer lag", mode, 10)))
          .as(mode.name())
          .isEmpty();
    }
  }

  @Test
  void kNNComparesVectorsOfTheQuerysModelOnlyOldOrNew() {
    String text = "flyway migrations applied script";

    assertThat(ids(MemoryQuery.of("tenant-a", "project-1", text, Mode.KEYWORD, 10)))
        .containsExactlyInAnyOrder("a-old-client", "a-new-client");
    assertThat(ids(MemoryQuery.of("tenant-a", "project-1", text, Mode.SEMANTIC, 10)))
        .containsExactlyInAnyOrder("a-old", "a-new");
  }

  @Test
  void anOldSupersededMemoryComesBackOnlyWhenAskedFor() {
    MemoryQuery query =
        MemoryQuery.of("tenant-a", "project-1", "kafka consumer lag", Mode.KEYWORD, 10);

    assertThat(ids(query.with(new Inclusion(true, false, false))))
        .containsExactlyInAnyOrder("a-old", "a-old-superseded", "a-new");
  }

  private static List<String> ids(MemoryQuery query) {
    return search.search(query).stream().map(MemoryHit::memoryId).toList();
  }
}
