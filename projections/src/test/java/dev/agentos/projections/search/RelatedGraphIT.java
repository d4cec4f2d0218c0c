package dev.agentos.projections.search;

import static dev.agentos.projections.search.ScopedMemories.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.RelationType;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelEvent;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.search.GraphRequest;
import dev.agentos.readmodels.search.MemoryGraph;
import dev.agentos.readmodels.search.MemoryGraph.Edge;
import dev.agentos.readmodels.search.MemoryGraph.EdgeKind;
import dev.agentos.readmodels.search.MemoryGraph.Node;
import dev.agentos.readmodels.search.RelatedGraph;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The related graph from relations in the real Cassandra and vectors in the real Elasticsearch:
 *
 * <pre>
 *   retry --DEPENDS_ON 0.9--> client --RELATED_TO 0.5--> timeouts --PART_OF 0.4--> config
 *   jitter --FIXES 0.8--> retry;  retry --RELATED_TO 0.3--> other (project p2);
 *   retry --SUPPORTS 0.2--> gone (deleted);  backoff: no relation, same meaning as retry
 * </pre>
 */
@ExtendWith(LocalStackExtension.class)
class RelatedGraphIT {

  private static final ScopedMemories M = new ScopedMemories("tenant-" + UUID.randomUUID());
  private static final MemoryStored RETRY =
      M.stored("retry", "Payments retry with exponential backoff on HTTP 503.", in("p1", "c1"));
  private static final MemoryStored CLIENT =
      M.stored("client", "The HTTP client is OkHttp 4 with a ten second timeout.", in("p1", "c1"));
  private static final MemoryStored JITTER =
      M.stored("jitter", "Retry storms were fixed by adding jitter.", in("p1", "c1"));
  private static final MemoryStored TIMEOUTS =
      M.stored(
          "timeouts", "Timeouts are set in application.yml under http.client.", in("p1", "c1"));
  private static final MemoryStored CONFIG =
      M.stored("config", "The configuration module loads YAML at startup.", in("p1", "c1"));
  private static final MemoryStored OTHER =
      M.stored("other", "Payment retries in the mobile app are manual.", in("p2", "c2"));
  private static final MemoryStored GONE =
      M.stored("gone", "Retries used to be linear.", in("p1", "c1"));
  private static final MemoryStored BACKOFF =
      M.stored(
          "backoff",
          "When the payment provider answers 503 we back off exponentially and try again.",
          in("p1", "c1"));
  private static final MemoryStored STANDUP =
      M.stored("standup", "The team's standup is at half past nine.", in("p1", "c1"));

  private static TestKeyspace keyspace;
  private static TestIndex index;
  private static MemoryReadModelQueries queries;

  @BeforeAll
  static void seed(StackEndpoints stack) throws IOException {
    keyspace = new TestKeyspace(stack);
    index = new TestIndex(stack, "it-graph");
    queries = new MemoryReadModelQueries(keyspace.session);
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(
            index.client, index.alias, new MemoryDocuments(new MemoryEmbedder()));
    writer.onMemoryEvents(
        List.of(RETRY, CLIENT, JITTER, TIMEOUTS, CONFIG, OTHER, GONE, BACKOFF, STANDUP).stream()
            .map(e -> new SequencedMemoryEvent(e, 0))
            .toList());
    writer.on(M.deleted(GONE), 1);
    // The relations only: this read model holds no memory rows here, so no sequence is checked.
    new MemoryCassandraWriter(keyspace.session, Clock.systemUTC())
        .apply(
            Stream.of(
                    M.related(RETRY, CLIENT, RelationType.DEPENDS_ON, 0.9f),
                    M.related(CLIENT, TIMEOUTS, RelationType.RELATED_TO, 0.5f),
                    M.related(TIMEOUTS, CONFIG, RelationType.PART_OF, 0.4f),
                    M.related(JITTER, RETRY, RelationType.FIXES, 0.8f),
                    M.related(RETRY, OTHER, RelationType.RELATED_TO, 0.3f),
                    M.related(RETRY, GONE, RelationType.SUPPORTS, 0.2f))
                .map(e -> new ReadModelEvent(e, 1, "it"))
                .toList());
    index.refresh();
  }

  @AfterAll
  static void drop() throws IOException {
    if (index != null) {
      index.close();
    }
    if (keyspace != null) {
      keyspace.close();
    }
  }

  @Test
  void depthOneHasBothDirectionsAndLeavesOutOtherProjectsAndDeletedMemories() {
    MemoryGraph graph = graph(new GraphRequest(M.tenant, "p1", "retry", 1, Set.of(), 0));

    assertThat(graph.nodes())
        .extracting(Node::memoryId, Node::depth)
        .containsExactlyInAnyOrder(tuple("retry", 0), tuple("client", 1), tuple("jitter", 1));
    assertThat(graph.edges())
        .extracting(Edge::from, Edge::to, Edge::kind, Edge::relationType, Edge::strength)
        .containsExactlyInAnyOrder(
            tuple("retry", "client", EdgeKind.RELATION, "DEPENDS_ON", 0.9f),
            tuple("jitter", "retry", EdgeKind.RELATION, "FIXES", 0.8f));
    assertThat(graph.truncated()).isFalse();
  }

  @Test
  void depthThreeFollowsTheChainToTheEnd() {
    MemoryGraph graph = graph(new GraphRequest(M.tenant, "p1", "retry", 3, Set.of(), 0));

    assertThat(graph.nodes())
        .extracting(Node::memoryId, Node::depth)
        .containsExactlyInAnyOrder(
            tuple("retry", 0),
            tuple("client", 1),
            tuple("jitter", 1),
            tuple("timeouts", 2),
            tuple("config", 3));
    assertThat(graph.edges()).hasSize(4);
  }

  @Test
  void relationTypesFilterWhichRelationsAreFollowed() {
    MemoryGraph graph = graph(new GraphRequest(M.tenant, "p1", "retry", 3, Set.of("FIXES"), 0));

    assertThat(graph.nodes())
        .extracting(Node::memoryId)
        .containsExactlyInAnyOrder("retry", "jitter");
  }

  @Test
  void theNearestMemoryByMeaningIsASimilarEdgeAndNeverTheRootItself() {
    MemoryGraph graph = graph(new GraphRequest(M.tenant, "p1", "retry", 1, Set.of("FIXES"), 1));

    Edge similar =
        graph.edges().stream().filter(e -> e.kind() == EdgeKind.SIMILAR).findFirst().orElseThrow();
    assertThat(similar.from()).isEqualTo("retry");
    assertThat(similar.to()).isEqualTo("backoff");
    assertThat(similar.similarity()).isBetween(0.6, 1.0);
    assertThat(graph.nodes()).extracting(Node::memoryId).contains("backoff");
  }

  @Test
  void fanOutIsBoundedToTheStrongestRelationsAndSaysSo() {
    RelatedGraph oneEach =
        new RelatedGraph(queries, index.client, index.alias, new RelatedGraph.Limits(1, 100));
    MemoryGraph graph =
        oneEach.around(new GraphRequest(M.tenant, "p1", "retry", 1, Set.of(), 0)).orElseThrow();
    assertThat(graph.nodes()).extracting(Node::memoryId).containsExactly("retry", "client");
    assertThat(graph.truncated()).isTrue();

    RelatedGraph twoNodes =
        new RelatedGraph(queries, index.client, index.alias, new RelatedGraph.Limits(25, 2));
    MemoryGraph small =
        twoNodes.around(new GraphRequest(M.tenant, "p1", "retry", 3, Set.of(), 0)).orElseThrow();
    assertThat(small.nodes()).hasSize(2);
    assertThat(small.truncated()).isTrue();
  }

  @Test
  void aRootOutsideTheCallersScopeOrDeletedHasNoGraph() {
    RelatedGraph related = new RelatedGraph(queries, index.client, index.alias);

    assertThat(related.around(GraphRequest.of("another-tenant", "p1", "retry", 1))).isEmpty();
    assertThat(related.around(GraphRequest.of(M.tenant, "p2", "retry", 1))).isEmpty();
    assertThat(related.around(GraphRequest.of(M.tenant, "p1", "gone", 1))).isEmpty();
    assertThat(related.around(GraphRequest.of(M.tenant, "p1", "never-stored", 1))).isEmpty();
  }

  private static MemoryGraph graph(GraphRequest request) {
    return new RelatedGraph(queries, index.client, index.alias).around(request).orElseThrow();
  }
}
