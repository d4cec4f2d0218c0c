package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexSetup;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The memory index on the real Elasticsearch: written by the writer, read by the search. */
@ExtendWith(LocalStackExtension.class)
class ElasticsearchMemoryIndexIT {

  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
  private static final String INDEX = "it-memories-" + SUFFIX + "-v1";
  private static final String ALIAS = "it-memories-" + SUFFIX;

  private static final MemoryStored ROUNDING =
      MemoryEvents.stored(
          "tenant-a",
          "a-rounding",
          "ctx-a",
          "test_apply_discount failed because Decimal used ROUND_HALF_EVEN; use ROUND_HALF_UP"
              + " for prices.",
          "money",
          "python");
  private static final MemoryStored TABS =
      MemoryEvents.stored(
          "tenant-a",
          "a-tabs",
          "ctx-a",
          "The user prefers tabs over spaces in Makefiles.",
          "style");
  private static final MemoryStored CI =
      MemoryEvents.stored(
          "tenant-a",
          "a-ci",
          "ctx-a",
          "CI runs on GitHub Actions with Ubuntu 22.04 and Java 17; the nightly job also runs"
              + " the integration tests.",
          "ci");
  private static final MemoryStored POSTGRES =
      MemoryEvents.stored(
          "tenant-a",
          "a-postgres",
          "ctx-a",
          "Database migrations are written with Flyway and must never edit an applied script.",
          "database");
  private static final MemoryStored OLD_LOGIN =
      MemoryEvents.stored(
          "tenant-a",
          "a-login",
          "ctx-a",
          "The login endpoint rate-limits to five attempts per minute per IP address.",
          "security");
  private static final MemoryStored B_ROUNDING =
      MemoryEvents.stored(
          "tenant-b",
          "b-rounding",
          "ctx-b",
          "Invoices total with banker's rounding, ROUND_HALF_EVEN, as the auditors demand.",
          "money");
  private static final MemoryStored B_DEPLOY =
      MemoryEvents.stored(
          "tenant-b",
          "b-deploy",
          "ctx-b",
          "Deployments go out on Tuesdays after the staging smoke tests pass.",
          "deploy");

  private static RestClientTransport transport;
  private static ElasticsearchClient client;
  private static MemorySearchIndexWriter writer;
  private static MemorySearch search;

  @BeforeAll
  static void indexMemories(StackEndpoints stack) throws IOException {
    transport =
        new RestClientTransport(
            RestClient.builder(HttpHost.create(stack.elasticsearchUrl())).build(),
            ElasticsearchJson.mapper());
    client = new ElasticsearchClient(transport);
    new IndexSetup(client).ensure(INDEX, ALIAS);
    new IndexSetup(client).ensure(INDEX, ALIAS); // a second start finds it and changes nothing
    MemoryEmbedder embedder = new MemoryEmbedder();
    writer = new MemorySearchIndexWriter(client, ALIAS, new MemoryDocuments(embedder));
    search = new MemorySearch(client, ALIAS, embedder);
    writer.onMemoryEvents(
        List.of(ROUNDING, TABS, CI, POSTGRES, OLD_LOGIN, B_ROUNDING, B_DEPLOY).stream()
            .map(e -> new SequencedMemoryEvent(e, 0))
            .toList());
    refresh();
  }

  @AfterAll
  static void dropIndex() throws IOException {
    if (client != null) {
      client.indices().delete(d -> d.index(INDEX));
      transport.close();
    }
  }

  @Test
  void keywordSearchFindsTheMemoryThatSharesTheWords() {
    List<MemoryHit> hits =
        search.search(
            MemoryQuery.of("tenant-a", "project-1", "Flyway migrations", Mode.KEYWORD, 3));

    assertThat(hits.get(0).memoryId()).isEqualTo("a-postgres");
    assertThat(hits.get(0).matchedBy()).isEqualTo(MatchedBy.KEYWORD);
    assertThat(hits.get(0).document()).doesNotContainKey(MemoryFields.EMBEDDING);
  }

  @Test
  void semanticSearchFindsAParaphraseWithNoSharedWord() {
    List<MemoryHit> hits =
        search.search(
            MemoryQuery.of(
                "tenant-a", "project-1", "how should money amounts be rounded?", Mode.SEMANTIC, 3));

    assertThat(hits.get(0).memoryId()).isEqualTo("a-rounding");
    assertThat(hits.get(0).matchedBy()).isEqualTo(MatchedBy.SEMANTIC);
  }

  @Test
  void hybridSearchPutsTheMemoryBothPartsFoundFirst() {
    List<MemoryHit> hits =
        search.search(
            MemoryQuery.of(
                "tenant-a",
                "project-1",
                "which continuous integration runner do the tests use",
                Mode.HYBRID,
                3));

    assertThat(hits.get(0).memoryId()).isEqualTo("a-ci");
    assertThat(hits.get(0).matchedBy()).isEqualTo(MatchedBy.BOTH);
  }

  @Test
  void aTenantNeverSeesAnotherTenantsMemories() {
    for (Mode mode : Mode.values()) {
      List<MemoryHit> hits =
          search.search(
              MemoryQuery.of(
                  "tenant-b",
                  "project-1",
                  "ROUND_HALF_UP prices discount tabs Makefiles",
                  mode,
                  10));
      assertThat(hits).extracting(MemoryHit::memoryId).allMatch(id -> id.startsWith("b-"));
    }
  }

  @Test
  void aDeletedMemoryIsGoneFromSearchAndAReplayedStoreDoesNotBringItBack() throws IOException {
    writer.on(MemoryEvents.deleted(OLD_LOGIN), 1);
    writer.on(OLD_LOGIN, 0); // redelivered
    refresh();

    for (Mode mode : Mode.values()) {
      assertThat(
              search.search(
                  MemoryQuery.of("tenant-a", "project-1", "login rate limit attempts", mode, 10)))
          .extracting(MemoryHit::memoryId)
          .doesNotContain("a-login");
    }
  }

  @Test
  void aRedeliveredLiveStoreIsRefusedByTheIndexAndTheUpdateAfterItAppliedOnce() throws IOException {
    MemoryStored flags =
        MemoryEvents.stored(
            "tenant-a", "a-flags", "ctx-a", "Feature flags are kept in LaunchDarkly.", "ops");
    MemoryUpdated moved = MemoryEvents.updated(flags, "Feature flags are kept in Unleash now.");
    writer.on(flags, 0);
    List<SequencedMemoryEvent> redelivered =
        List.of(new SequencedMemoryEvent(flags, 0, true), new SequencedMemoryEvent(moved, 1, true));

    // The store is created without a read: the index refuses it, and the batch is read and folded.
    writer.onMemoryEvents(redelivered);
    var applied =
        client.get(g -> g.index(ALIAS).id(StreamIds.of("tenant-a", "a-flags")), Map.class);
    writer.onMemoryEvents(redelivered);
    var again = client.get(g -> g.index(ALIAS).id(StreamIds.of("tenant-a", "a-flags")), Map.class);

    assertThat(applied.source())
        .containsEntry(MemoryFields.CONTENT, "Feature flags are kept in Unleash now.")
        .containsEntry(MemoryFields.VERSION, 1);
    assertThat(again.seqNo()).isEqualTo(applied.seqNo());
  }

  @Test
  void twoTenantsMemoriesOfOneIdAreTwoDocuments() throws IOException {
    MemoryStored ours =
        MemoryEvents.stored("tenant-a", "shared-id", "ctx-a", "Releases are cut on Mondays.", "x");
    MemoryStored theirs =
        MemoryEvents.stored("tenant-b", "shared-id", "ctx-b", "Releases are cut on Fridays.", "x");
    writer.onMemoryEvents(
        List.of(
            new SequencedMemoryEvent(ours, 0, true), new SequencedMemoryEvent(theirs, 0, true)));
    writer.on(MemoryEvents.updated(theirs, "Releases are cut on Fridays at noon."), 1);
    refresh();

    for (Mode mode : Mode.values()) {
      assertThat(contentsFound("tenant-a", mode))
          .as(mode.name())
          .containsExactly("Releases are cut on Mondays.");
      assertThat(contentsFound("tenant-b", mode))
          .as(mode.name())
          .containsExactly("Releases are cut on Fridays at noon.");
    }
  }

  /** The contents of {@code shared-id} a search of the tenant finds. */
  private static List<Object> contentsFound(String tenant, Mode mode) {
    return search
        .search(MemoryQuery.of(tenant, "project-1", "When are releases cut?", mode, 10))
        .stream()
        .filter(hit -> hit.memoryId().equals("shared-id"))
        .map(hit -> hit.document().get(MemoryFields.CONTENT))
        .toList();
  }

  private static void refresh() throws IOException {
    client.indices().refresh(r -> r.index(ALIAS));
  }
}
