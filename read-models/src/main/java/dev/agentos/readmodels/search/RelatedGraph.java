package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.Relation;
import dev.agentos.readmodels.search.IndexReader.Ranked;
import dev.agentos.readmodels.search.MemoryFields.State;
import dev.agentos.readmodels.search.MemoryGraph.Edge;
import dev.agentos.readmodels.search.MemoryGraph.EdgeKind;
import dev.agentos.readmodels.search.MemoryGraph.Node;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph around a memory: its typed relations (both directions, from Cassandra), followed
 * breadth-first, and its nearest memories by meaning (kNN on its own vector in Elasticsearch).
 *
 * <p>Every node is checked against the memory index before it joins: one of another project (a
 * relation may cross projects within a tenant), a deleted one, or one the index does not know is
 * left out with its edges, and is not expanded. Fan-out is bounded ({@link Limits}): the strongest
 * relations of each memory first, and at most so many nodes; the answer says when it cut.
 */
public final class RelatedGraph {

  /** At most {@code relationsPerMemory} relations followed from each memory, {@code maxNodes}. */
  public record Limits(int relationsPerMemory, int maxNodes) {
    public static final Limits DEFAULT = new Limits(25, 100);
  }

  private final MemoryReadModelQueries relations;
  private final IndexReader reader;
  private final Limits limits;

  public RelatedGraph(
      MemoryReadModelQueries relations, ElasticsearchClient client, String indexOrAlias) {
    this(relations, client, indexOrAlias, Limits.DEFAULT);
  }

  public RelatedGraph(
      MemoryReadModelQueries relations,
      ElasticsearchClient client,
      String indexOrAlias,
      Limits limits) {
    this.relations = relations;
    this.reader = new IndexReader(client, indexOrAlias);
    this.limits = limits;
  }

  /** The graph, or empty when the root is not a visible memory of the caller's tenant/project. */
  public Optional<MemoryGraph> around(GraphRequest request) {
    Map<String, Object> root = reader.get(request.tenantId(), request.memoryId());
    if (!visible(request, root)) {
      return Optional.empty();
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    nodes.put(request.memoryId(), node(request.memoryId(), 0, root));
    Map<String, Edge> edges = new LinkedHashMap<>();
    boolean truncated = expandRelations(request, nodes, edges);
    addNeighbours(request, root, nodes, edges);
    return Optional.of(
        new MemoryGraph(
            request.memoryId(),
            List.copyOf(nodes.values()),
            List.copyOf(edges.values()),
            truncated));
  }

  /** Breadth-first over the relations; true when a bound cut something off. */
  private boolean expandRelations(
      GraphRequest request, Map<String, Node> nodes, Map<String, Edge> edges) {
    boolean truncated = false;
    List<String> frontier = List.of(request.memoryId());
    for (int depth = 1; depth <= request.depth() && !frontier.isEmpty(); depth++) {
      List<Directed> found = new ArrayList<>();
      Set<String> candidates = new LinkedHashSet<>();
      for (String id : frontier) {
        List<Directed> around = relationsOf(request, id);
        if (around.size() > limits.relationsPerMemory()) {
          truncated = true;
          around = around.subList(0, limits.relationsPerMemory());
        }
        found.addAll(around);
        around.stream()
            .map(Directed::other)
            .filter(other -> !nodes.containsKey(other))
            .forEach(candidates::add);
      }
      Map<String, Map<String, Object>> docs = reader.getAll(request.tenantId(), candidates);
      List<String> next = new ArrayList<>();
      for (String id : candidates) {
        if (!visible(request, docs.get(id))) {
          continue;
        }
        if (nodes.size() >= limits.maxNodes()) {
          truncated = true;
          break;
        }
        nodes.put(id, node(id, depth, docs.get(id)));
        next.add(id);
      }
      for (Directed relation : found) {
        if (nodes.containsKey(relation.other())) {
          edges.putIfAbsent(relation.relation().relationId(), relation.edge());
        }
      }
      frontier = next;
    }
    return truncated;
  }

  /** Out and in relations of {@code id}, of the requested types, strongest first. */
  private List<Directed> relationsOf(GraphRequest request, String id) {
    List<Directed> all = new ArrayList<>();
    relations.relationsOut(request.tenantId(), id).forEach(r -> all.add(new Directed(r, false)));
    relations.relationsIn(request.tenantId(), id).forEach(r -> all.add(new Directed(r, true)));
    return all.stream()
        .filter(
            d ->
                request.relationTypes().isEmpty()
                    || request.relationTypes().contains(d.relation().relationType()))
        .sorted(Comparator.comparingDouble((Directed d) -> d.relation().strength()).reversed())
        .toList();
  }

  private void addNeighbours(
      GraphRequest request,
      Map<String, Object> root,
      Map<String, Node> nodes,
      Map<String, Edge> edges) {
    if (request.neighbours() == 0
        || !MemoryEmbedder.MODEL_NAME.equals(root.get(EMBEDDING_MODEL))
        || !(root.get(EMBEDDING) instanceof List<?> values)) {
      return;
    }
    List<Float> vector = values.stream().map(v -> ((Number) v).floatValue()).toList();
    List<Query> filters =
        new ArrayList<>(
            ScopeFilters.withVectorsOf(
                MemoryEmbedder.MODEL_NAME,
                request.tenantId(),
                request.projectId(),
                MemoryFilters.NONE,
                Inclusion.ACTIVE_ONLY));
    filters.add(
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.mustNot(
                            m ->
                                m.ids(
                                    i ->
                                        i.values(
                                            StreamIds.of(
                                                request.tenantId(), request.memoryId())))))));
    for (Ranked neighbour : reader.nearest(vector, filters, request.neighbours())) {
      nodes.putIfAbsent(neighbour.id(), node(neighbour.id(), 1, neighbour.doc()));
      edges.put(
          "similar:" + neighbour.id(),
          new Edge(
              request.memoryId(),
              neighbour.id(),
              EdgeKind.SIMILAR,
              null,
              null,
              null,
              neighbour.score()));
    }
  }

  /** A relation as seen from one memory: Cassandra gives (this memory, the other one). */
  private record Directed(Relation relation, boolean incoming) {
    String other() {
      return relation.otherMemoryId();
    }

    Edge edge() {
      String self = relation.memoryId();
      return new Edge(
          incoming ? other() : self,
          incoming ? self : other(),
          EdgeKind.RELATION,
          relation.relationId(),
          relation.relationType(),
          relation.strength(),
          null);
    }
  }

  private static boolean visible(GraphRequest request, Map<String, Object> doc) {
    return doc != null
        && request.tenantId().equals(doc.get(TENANT_ID))
        && request.projectId().equals(doc.get(PROJECT_ID))
        && !State.DELETED.name().equals(doc.get(STATE));
  }

  @SuppressWarnings("unchecked")
  private static Node node(String id, int depth, Map<String, Object> doc) {
    return new Node(
        id,
        depth,
        (String) doc.get(TYPE),
        (String) doc.get(STATE),
        (String) doc.get(CONTEXT_ID),
        (String) doc.get(CONTENT),
        (List<String>) doc.getOrDefault(TAGS, List.of()));
  }
}
