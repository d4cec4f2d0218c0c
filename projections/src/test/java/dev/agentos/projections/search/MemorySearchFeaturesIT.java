package dev.agentos.projections.search;

import static dev.agentos.projections.search.ScopedMemories.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.projections.memory.MemoryCassandraWriter;
import dev.agentos.projections.memory.ReadModelEvent;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.search.AccessCounts;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.readmodels.search.MemoryFilters;
import dev.agentos.readmodels.search.MemoryHit;
import dev.agentos.readmodels.search.MemoryQuery;
import dev.agentos.readmodels.search.MemoryQuery.Inclusion;
import dev.agentos.readmodels.search.MemoryQuery.Mode;
import dev.agentos.readmodels.search.MemoryQuery.Weighting;
import dev.agentos.readmodels.search.MemorySearch;
import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import dev.agentos.readmodels.search.ScoreExplanation;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Filters, project scoping, inactive memories, weighting and explanations of {@link MemorySearch}
 * on the real Elasticsearch, over a small corpus about builds in one tenant and two projects; the
 * reads access weighting ranks by are counted in the real Cassandra read model, as the query side
 * reads them.
 */
@ExtendWith(LocalStackExtension.class)
class MemorySearchFeaturesIT {

  private static final Instant NOV_1 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant NOV_10 = Instant.parse("2026-11-10T10:00:00Z");

  /** The search's "now": one day after the newest memory. */
  private static final Instant NOW = Instant.parse("2026-11-11T10:00:00Z");

  private static final ScopedMemories M = new ScopedMemories("tenant-" + UUID.randomUUID());
  private static final MemoryStored GRADLE =
      M.stored(
          "gradle",
          "The build uses Gradle with the Kotlin DSL and a version catalog.",
          in("p1", "c1").type(MemoryType.DECISION).tags("build"));
  private static final MemoryStored JIB =
      M.stored(
          "jib",
          "Container images are made with Jib, never with a hand-written Dockerfile.",
          in("p1", "c2").agent("agent-2").session("session-2").at(NOV_10).tags("build", "docker"));
  private static final MemoryStored MAVEN =
      M.stored("maven", "The build used Maven before the Gradle migration.", in("p1", "c1"));
  private static final MemoryStored NFS =
      M.stored("nfs", "The build cache lives on an NFS share.", in("p1", "c1"));
  private static final MemoryStored BUILD01 =
      M.stored(
          "build01",
          "The build server is build01 until the migration week.",
          in("p1", "c1").expiresAt(Instant.parse("2020-01-01T00:00:00Z")));
  private static final MemoryStored BAZEL =
      M.stored("bazel", "The build uses Bazel with remote caching.", in("p2", "c9"));

  // Expiry is judged by Elasticsearch's own clock, not the search's fixed one: real instants.
  private static final MemoryStored EXPIRES_LATER =
      M.stored(
          "expires-later",
          "The build mirror answers on port 8081 until the cutover.",
          in("p3", "c3").expiresAt(Instant.now().plus(Duration.ofHours(1))));
  private static final MemoryStored EXPIRED_RECENTLY =
      M.stored(
          "expired-recently",
          "The build mirror answered on port 8080 before the cutover.",
          in("p3", "c3").expiresAt(Instant.now().minus(Duration.ofMinutes(2))));

  private static TestIndex index;
  private static TestKeyspace keyspace;
  private static AccessCounts accessCounts;
  private static MemorySearch search;

  @BeforeAll
  static void indexMemories(StackEndpoints stack) throws IOException {
    index = new TestIndex(stack, "it-search");
    keyspace = new TestKeyspace(stack);
    accessCounts = new MemoryReadModelQueries(keyspace.session)::accessCounts;
    MemoryEmbedder embedder = new MemoryEmbedder();
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(index.client, index.alias, new MemoryDocuments(embedder));
    search =
        new MemorySearch(index.client, index.alias, embedder, Clock.fixed(NOW, ZoneOffset.UTC))
            .withAccessCounts(accessCounts);
    writer.onMemoryEvents(
        List.of(GRADLE, JIB, MAVEN, NFS, BUILD01, BAZEL, EXPIRES_LATER, EXPIRED_RECENTLY).stream()
            .map(e -> new SequencedMemoryEvent(e, 0))
            .toList());
    writer.on(M.superseded(MAVEN, "gradle"), 1);
    writer.on(M.deleted(NFS), 1);
    List<ReadModelEvent> accesses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      accesses.add(new ReadModelEvent(M.accessed(JIB), ReadModelEvent.NO_SEQUENCE, "session-it"));
    }
    new MemoryCassandraWriter(keyspace.session, Clock.systemUTC()).apply(accesses);
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
  void aHybridSearchAnswersTheSameWhetherItsKeywordSideOverlapsTheEmbeddingOrNot() {
    // no query cache: every search embeds, so the overlapping flow is the one taken
    MemorySearch overlapping =
        new MemorySearch(
                index.client,
                index.alias,
                new MemoryEmbedder().withoutQueryCache(),
                Clock.fixed(NOW, ZoneOffset.UTC))
            .withAccessCounts(accessCounts);
    MemorySearch sequential = overlapping.withoutOverlap();
    for (String text :
        List.of("build tool Bazel Gradle", "how are container images made?", "mirror port 8081")) {
      for (String project : List.of("p1", "p2", "p3")) {
        MemoryQuery hybrid = query(project, text, Mode.HYBRID);
        List<MemoryHit> hits = overlapping.search(hybrid);
        assertThat(hits).isEqualTo(sequential.search(hybrid));
        assertThat(search.search(hybrid)).isEqualTo(hits); // the cached flow too
      }
    }
    assertThat(overlapping.search(query("p1", "Jib Dockerfile", Mode.HYBRID)))
        .first()
        .extracting(MemoryHit::memoryId)
        .isEqualTo("jib");
  }

  @Test
  void everyModeStaysInsideTheProjectAsked() {
    for (Mode mode : Mode.values()) {
      assertThat(ids(query("p1", "build tool Bazel Gradle", mode))).doesNotContain("bazel");
      assertThat(ids(query("p2", "build tool Bazel Gradle", mode))).containsOnly("bazel");
    }
  }

  @Test
  void eachFilterNarrowsToTheMemoriesThatMatchIt() {
    MemoryQuery build = query("p1", "build", Mode.HYBRID);
    MemoryFilters none = MemoryFilters.NONE;

    assertThat(ids(build)).containsExactlyInAnyOrder("gradle", "jib");
    assertThat(ids(build.with(none.withContext("c1")))).containsExactly("gradle");
    assertThat(ids(build.with(filters(null, "agent-2", null, null)))).containsExactly("jib");
    assertThat(ids(build.with(filters(null, null, "session-1", null)))).containsExactly("gradle");
    assertThat(ids(build.with(filters(null, null, null, "DECISION")))).containsExactly("gradle");
    assertThat(
            ids(
                build.with(
                    new MemoryFilters(
                        null, null, null, null, List.of("build", "docker"), null, null))))
        .containsExactly("jib");
    assertThat(
            ids(
                build.with(
                    new MemoryFilters(null, null, null, null, null, NOV_1.plusSeconds(1), null))))
        .containsExactly("jib");
    assertThat(ids(build.with(new MemoryFilters(null, null, null, null, null, NOV_1, NOV_10))))
        .containsExactly("gradle");
  }

  @Test
  void inactiveMemoriesComeBackOnlyWhenAskedFor() {
    MemoryQuery query = query("p1", "build migration cache server", Mode.KEYWORD);

    assertThat(ids(query)).containsExactlyInAnyOrder("gradle", "jib");
    assertThat(ids(query.with(new Inclusion(true, false, false))))
        .contains("maven")
        .doesNotContain("nfs", "build01");
    assertThat(ids(query.with(new Inclusion(false, true, false))))
        .contains("nfs")
        .doesNotContain("maven", "build01");
    assertThat(ids(query.with(new Inclusion(false, false, true))))
        .contains("build01")
        .doesNotContain("maven", "nfs");
  }

  @Test
  void aHybridHitExplainsBothRanksAndItsFusedScore() {
    List<MemoryHit> hits = search.search(query("p1", "Gradle Kotlin build", Mode.HYBRID));

    MemoryHit top = hits.get(0);
    assertThat(top.memoryId()).isEqualTo("gradle");
    assertThat(top.matchedBy()).isEqualTo(MatchedBy.BOTH);
    ScoreExplanation why = top.explanation();
    assertThat(why.keywordRank()).isEqualTo(1);
    assertThat(why.keywordScore()).isPositive();
    assertThat(why.semanticRank()).isEqualTo(1);
    assertThat(why.semanticSimilarity()).isBetween(0.3, 1.0);
    assertThat(why.fusedScore()).isEqualTo(top.score()).isEqualTo(why.baseScore());
    assertThat(why.recencyFactor()).isNull();
    assertThat(why.accessFactor()).isNull();
  }

  @Test
  void everyModeFindsAMemoryExpiringLaterButNotOneJustExpired() {
    for (Mode mode : Mode.values()) {
      MemoryQuery query = query("p3", "build mirror port cutover", mode);
      assertThat(ids(query)).as(mode.name()).containsExactly("expires-later");
      assertThat(ids(query.with(new Inclusion(false, false, true))))
          .as(mode.name() + ", expired included")
          .containsExactlyInAnyOrder("expires-later", "expired-recently");
    }
  }

  @Test
  void aHybridHitCarriesItsMemoryWithoutTheVector() {
    MemoryHit top = search.search(query("p1", "Gradle Kotlin build", Mode.HYBRID)).get(0);

    assertThat(top.document())
        .containsEntry(MemoryFields.CONTENT, GRADLE.getContent())
        .doesNotContainKey(MemoryFields.EMBEDDING);
  }

  @Test
  void weightingReRanksHybridCandidatesByTheirMemories() {
    MemoryQuery query = query("p1", "Gradle build", Mode.HYBRID);
    assertThat(ids(query)).as("unweighted").startsWith("gradle");

    List<MemoryHit> weighted = search.search(query.with(new Weighting(null, 5)));

    assertThat(weighted.get(0).memoryId()).isEqualTo("jib");
    assertThat(weighted.get(0).explanation().accessFactor())
        .isCloseTo(1 + 5 * Math.log(21), within(1e-9));
  }

  @Test
  void aKeywordHitHasNoSemanticPartAndASemanticHitNoKeywordPart() {
    MemoryHit keyword = search.search(query("p1", "Gradle", Mode.KEYWORD)).get(0);
    MemoryHit semantic = search.search(query("p1", "Gradle", Mode.SEMANTIC)).get(0);

    assertThat(keyword.explanation().semanticRank()).isNull();
    assertThat(keyword.score()).isEqualTo(keyword.explanation().keywordScore());
    assertThat(semantic.explanation().keywordRank()).isNull();
    assertThat(semantic.score()).isEqualTo(semantic.explanation().semanticSimilarity());
  }

  @Test
  void recencyWeightingLetsTheNewerMemoryOvertakeTheBetterMatch() {
    MemoryQuery query = query("p1", "Gradle build", Mode.KEYWORD);
    assertThat(ids(query))
        .as("unweighted, the better match leads")
        .containsExactly("gradle", "jib");

    List<MemoryHit> weighted = search.search(query.with(new Weighting(Duration.ofDays(1), 0)));

    assertThat(weighted).extracting(MemoryHit::memoryId).containsExactly("jib", "gradle");
    assertThat(weighted.get(0).explanation().recencyFactor()).isCloseTo(0.5, within(1e-9));
    assertThat(weighted.get(1).explanation().recencyFactor())
        .isCloseTo(Math.pow(0.5, 10), within(1e-9));
    assertThat(weighted.get(0).score())
        .isCloseTo(weighted.get(0).explanation().keywordScore() * 0.5, within(1e-9));
  }

  @Test
  void accessWeightingFavoursTheOftenReadMemory() {
    MemoryQuery query = query("p1", "Gradle build", Mode.KEYWORD);

    List<MemoryHit> weighted = search.search(query.with(new Weighting(null, 5)));

    assertThat(weighted).extracting(MemoryHit::memoryId).containsExactly("jib", "gradle");
    assertThat(weighted).extracting(MemoryHit::accessCount).containsExactly(20L, 0L);
    assertThat(weighted.get(0).explanation().accessFactor())
        .isCloseTo(1 + 5 * Math.log(21), within(1e-9));
    assertThat(weighted.get(1).explanation().accessFactor()).isEqualTo(1.0);
    assertThat(weighted.get(0).explanation().recencyFactor()).isNull();
  }

  @Test
  void eachModeReadsTheCountsOfAllItsCandidatesInOneCall() {
    for (Mode mode : Mode.values()) {
      List<Collection<String>> calls = new ArrayList<>();
      MemorySearch counted =
          search.withAccessCounts(
              (tenant, ids) -> {
                calls.add(List.copyOf(ids));
                return accessCounts.of(tenant, ids);
              });

      List<MemoryHit> hits =
          counted.search(query("p1", "Gradle build images", mode).with(new Weighting(null, 1)));

      assertThat(calls).as(mode.name()).hasSize(1);
      assertThat(calls.get(0))
          .as(mode.name())
          .containsAll(hits.stream().map(MemoryHit::memoryId).toList());
    }
  }

  private static MemoryQuery query(String project, String text, Mode mode) {
    return MemoryQuery.of(M.tenant, project, text, mode, 10);
  }

  private static MemoryFilters filters(String context, String agent, String session, String type) {
    return new MemoryFilters(context, agent, session, type, null, null, null);
  }

  private static List<String> ids(MemoryQuery query) {
    return search.search(query).stream().map(MemoryHit::memoryId).toList();
  }
}
