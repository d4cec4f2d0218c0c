package dev.agentos.projections.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.readmodels.context.ContextView;
import dev.agentos.readmodels.memory.AccessStats;
import dev.agentos.readmodels.memory.ListFiltersUnavailableException;
import dev.agentos.readmodels.memory.ListIndexes;
import dev.agentos.readmodels.memory.ListKey;
import dev.agentos.readmodels.memory.ListedMemory;
import dev.agentos.readmodels.memory.MemoryReadModelQueries;
import dev.agentos.readmodels.memory.MemoryRow;
import dev.agentos.readmodels.memory.MemorySchema;
import dev.agentos.readmodels.memory.MemoryState;
import dev.agentos.readmodels.memory.Page;
import dev.agentos.readmodels.memory.Relation;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds one history of memory and context events into the read models on the real Cassandra and
 * reads it back through {@link MemoryReadModelQueries}. The schema (slow DDL) is created once, in a
 * keyspace of its own, dropped at the end. Each test uses its own tenant, so they share it.
 */
@ExtendWith(LocalStackExtension.class)
class CassandraMemoryReadModelIT {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private static MemorySchema schema;
  private static CqlSession admin;
  private static CqlSession session;
  private static MemoryCassandraWriter writer;
  private static MemoryReadModelQueries queries;
  private static StackEndpoints endpoints;

  @BeforeAll
  static void createSchema(StackEndpoints stack) {
    endpoints = stack;
    schema = MemorySchema.singleNode("memory_it_" + UUID.randomUUID().toString().substring(0, 8));
    admin = connect(stack, null);
    schema.apply(admin);
    session = connect(stack, schema.keyspace());
    writer = new MemoryCassandraWriter(session, Clock.systemUTC());
    queries = new MemoryReadModelQueries(session);
  }

  @AfterAll
  static void dropSchema() {
    if (session != null) {
      session.close();
    }
    if (admin != null) {
      schema.drop(admin);
      admin.close();
    }
  }

  /**
   * One batch (as a replay reads them) or one event per batch (as live traffic comes): the same.
   */
  @ParameterizedTest(name = "in one batch: {0}")
  @ValueSource(booleans = {true, false})
  void aHistoryOfEventsEndsInTheStateItDescribes(boolean oneBatch) {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    String t = e.tenant;
    List<ReadModelEvent> history =
        e.read(
            e.context("c1", T0),
            e.context("c2", T0),
            e.stored("m1", "c1", MemoryType.FACT, T0.plusSeconds(1), "java"),
            e.stored("m2", "c1", MemoryType.DECISION, T0.plusSeconds(2), "java", "db"),
            e.stored("m3", "c1", MemoryType.FACT, T0.plusSeconds(3)),
            e.stored("m4", "c2", MemoryType.FACT, T0.plusSeconds(4), "java"),
            e.updated("m1", MemoryType.ERROR_FIX, "fixed text", T0.plusSeconds(5), "db"),
            e.related("r1", "m1", "m2", T0.plusSeconds(6)),
            e.related("r2", "m3", "m1", T0.plusSeconds(6)),
            e.superseded("m3", "m1", T0.plusSeconds(7)),
            e.deleted("m4", T0.plusSeconds(8)),
            e.stored("m5", "c2", MemoryType.FACT, T0.plusSeconds(9)),
            e.merged("c1", "c2", T0.plusSeconds(10), new CollapsedDuplicate("m2", "m5")),
            e.switched("session-1", null, "c2", T0.plusSeconds(11)));
    if (oneBatch) {
      writer.apply(history);
    } else {
      history.forEach(writer::apply);
    }

    MemoryRow m1 = queries.memory(t, "m1").orElseThrow();
    assertThat(m1.content()).isEqualTo("fixed text");
    assertThat(m1.type()).isEqualTo("ERROR_FIX");
    assertThat(m1.tags()).containsExactly("db");
    assertThat(m1.contextId()).isEqualTo("c2");
    assertThat(m1.version()).as("stored 0, updated 1, related 2").isEqualTo(2);
    assertThat(queries.memory(t, "m3").orElseThrow().state()).isEqualTo(MemoryState.SUPERSEDED);
    MemoryRow m4 = queries.memory(t, "m4").orElseThrow();
    assertThat(m4.state()).isEqualTo(MemoryState.DELETED);
    assertThat(m4.content()).isNull();
    MemoryRow m2 = queries.memory(t, "m2").orElseThrow();
    assertThat(m2.collapsedInto()).isEqualTo("m5");
    assertThat(m2.state()).isEqualTo(MemoryState.SUPERSEDED);

    assertThat(ids(project(t, null, null))).containsExactly("m5", "m1");
    assertThat(ids(context(t, "c2", null, null))).containsExactly("m5", "m1");
    assertThat(ids(context(t, "c1", null, null))).isEmpty();
    assertThat(ids(project(t, "ERROR_FIX", null))).containsExactly("m1");
    assertThat(ids(project(t, "FACT", null))).containsExactly("m5");
    assertThat(ids(project(t, null, "db"))).containsExactly("m1");
    assertThat(ids(project(t, null, "java"))).as("m1 lost the tag, m2 collapsed").isEmpty();
    assertThat(ids(context(t, "c2", "ERROR_FIX", "db"))).containsExactly("m1");

    assertThat(queries.relationsOut(t, "m1"))
        .extracting(Relation::otherMemoryId, Relation::relationType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m2", "DEPENDS_ON"));
    assertThat(queries.relationsIn(t, "m1"))
        .extracting(Relation::otherMemoryId)
        .containsExactly("m3");
    writer.apply(e.read(e.unrelated("r2", "m3", "m1", T0.plusSeconds(12))));
    assertThat(queries.relationsIn(t, "m1")).isEmpty();
    assertThat(queries.relationsOut(t, "m3")).isEmpty();

    ContextView c2 = queries.context(t, "c2").orElseThrow();
    assertThat(c2.members())
        .extracting(ContextView.Member::memoryId, ContextView.Member::collapsedInto)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("m1", null),
            org.assertj.core.groups.Tuple.tuple("m2", "m5"),
            org.assertj.core.groups.Tuple.tuple("m3", null),
            org.assertj.core.groups.Tuple.tuple("m5", null));
    ContextView c1 = queries.context(t, "c1").orElseThrow();
    assertThat(c1.state()).isEqualTo("MERGED");
    assertThat(c1.mergedInto()).isEqualTo("c2");
    assertThat(c1.members()).isEmpty();
    assertThat(queries.activeContext(t, "session-1").orElseThrow().contextId()).isEqualTo("c2");
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    String t = e.tenant;
    List<ReadModelEvent> events =
        e.read(
            e.stored("m1", "c1", MemoryType.FACT, T0),
            e.updated("m1", MemoryType.FACT, "first", T0.plusSeconds(1)),
            e.updated("m1", MemoryType.FACT, "second", T0.plusSeconds(2)),
            e.accessed(T0.plusSeconds(3), "m1"),
            e.accessed(T0.plusSeconds(4), "m1", "m1"));
    writer.apply(events);

    writer.apply(events.get(1)); // an older update, redelivered after a newer one
    writer.apply(events.get(3));
    writer.apply(events); // the whole batch again, as after a crash before the token moved

    MemoryRow m1 = queries.memory(t, "m1").orElseThrow();
    assertThat(m1.content()).isEqualTo("second");
    assertThat(m1.version()).isEqualTo(2);
    assertThat(ids(project(t, null, null))).containsExactly("m1");
    AccessStats stats = queries.accessStats(t, "m1");
    assertThat(stats.accessCount()).as("two reads, each once").isEqualTo(2);
    assertThat(stats.lastAccessedAt()).isEqualTo(T0.plusSeconds(4));
  }

  @Test
  void aBatchCutShortByACrashIsCompletedByItsRedelivery() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    writer.apply(e.read(e.stored("m1", "c1", MemoryType.FACT, T0, "old-tag")));
    ReadModelEvent update =
        e.read(e.updated("m1", MemoryType.DECISION, "after crash", T0.plusSeconds(1), "new-tag"))
            .get(0);
    Statements statements = new Statements(session);
    Batch crashed = new Batch(session, statements, new WriteClock(Clock.systemUTC()));
    new MemoryEvents(statements)
        .updated(crashed, (MemoryUpdated) update.event(), update.sequence());
    crashed.write(Batch.Stage.DEPENDENTS); // list rows written, then the process died

    assertThat(queries.memory(e.tenant, "m1").orElseThrow().version())
        .as("the row still says the update is not applied")
        .isZero();
    writer.apply(update);

    MemoryRow m1 = queries.memory(e.tenant, "m1").orElseThrow();
    assertThat(m1.content()).isEqualTo("after crash");
    assertThat(m1.version()).isEqualTo(1);
    assertThat(ids(project(e.tenant, "DECISION", "new-tag"))).containsExactly("m1");
    assertThat(ids(project(e.tenant, null, "old-tag"))).isEmpty();
    assertThat(ids(project(e.tenant, "FACT", null))).isEmpty();
  }

  @Test
  void accessesAreCountedOncePerReadAcrossReaders() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    writer.apply(e.read(e.stored("m1", "c1", MemoryType.FACT, T0)));
    ReadModelEvent first = e.readBy("session-a", e.accessed(T0.plusSeconds(1), "m1"));
    ReadModelEvent second = e.readBy("session-b", e.accessed(T0.plusSeconds(3), "m1"));
    ReadModelEvent third = e.readBy("session-a", e.accessed(T0.plusSeconds(2), "m1"));
    writer.apply(first, second, third);
    writer.apply(first, third); // session-a's records again

    AccessStats stats = queries.accessStats(e.tenant, "m1");
    assertThat(stats.accessCount()).isEqualTo(3);
    assertThat(stats.lastAccessedAt())
        .as("the latest read, not the last applied")
        .isEqualTo(T0.plusSeconds(3));
  }

  /** What a search ranks its candidates by: their counts in one call, the same as one by one. */
  @Test
  void theAccessCountsOfManyMemoriesAreReadTogether() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    TestEvents other = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    writer.apply(
        e.readBy("session-a", e.accessed(T0, "m1", "m2")),
        e.readBy("session-b", e.accessed(T0.plusSeconds(1), "m1")),
        other.readBy("session-c", other.accessed(T0, "m3")));

    assertThat(queries.accessCounts(e.tenant, List.of("m1", "m2", "m3", "never-read")).join())
        .as("another tenant's reads count nowhere here")
        .isEqualTo(Map.of("m1", 2L, "m2", 1L, "m3", 0L, "never-read", 0L));
    assertThat(queries.accessCounts(e.tenant, List.of()).join()).isEmpty();
  }

  @Test
  void aContextsCreationAppliedAfterItsMergeDoesNotReopenIt() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    ReadModelEvent created = e.read(e.context("c1", T0)).get(0);
    writer.apply(e.read(e.context("c2", T0), e.merged("c1", "c2", T0.plusSeconds(5))));
    writer.apply(created); // its partition lagged behind the merge's, as in a replay

    ContextView c1 = queries.context(e.tenant, "c1").orElseThrow();
    assertThat(c1.state()).isEqualTo("MERGED");
    assertThat(c1.mergedInto()).isEqualTo("c2");
    assertThat(c1.name()).isEqualTo("name c1");
  }

  @Test
  void aListIsReadPageByPageWithinATimeRange() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    for (int i = 0; i < 5; i++) {
      writer.apply(e.read(e.stored("m" + i, "c1", MemoryType.FACT, T0.plusSeconds(i))));
    }
    ListKey key = ListKey.of(ListKey.CONTEXT, "c1", null, null);
    Instant from = T0.plusSeconds(1);
    Instant to = T0.plusSeconds(4);

    Page<ListedMemory> first = queries.list(e.tenant, key, from, to, 2, null);
    Page<ListedMemory> second = queries.list(e.tenant, key, from, to, 2, first.nextCursor());

    assertThat(ids(first)).containsExactly("m3", "m2");
    assertThat(first.nextCursor()).isNotNull();
    assertThat(ids(second)).containsExactly("m1");
    assertThat(second.nextCursor()).as("last page").isNull();
    assertThat(queries.list("another-tenant", key, null, null, 10, null).items()).isEmpty();
  }

  @Test
  void memoriesOfTheSameMillisecondArePagedExactlyByTheirIds() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    for (String id : List.of("a", "b", "c", "d")) {
      writer.apply(e.read(e.stored(id, "c1", MemoryType.FACT, T0)));
    }
    writer.apply(e.read(e.stored("older", "c1", MemoryType.FACT, T0.minusSeconds(1))));
    ListKey key = ListKey.of(ListKey.CONTEXT, "c1", null, null);

    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<ListedMemory> page = queries.list(e.tenant, key, null, null, 3, cursor);
      seen.addAll(ids(page));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);

    assertThat(seen).containsExactly("a", "b", "c", "d", "older");
    assertThat(pages).isEqualTo(2);
  }

  /**
   * Type and tag are index searches within the partition (ADR 0005): they must keep its order,
   * honour LIMIT and resume exactly after a cursor, also among rows of one millisecond.
   */
  @Test
  void aListFilteredByTypeAndTagIsPagedNewestFirstAcrossTiesAndWithinATimeRange() {
    TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
    List<ReadModelEvent> history = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Three memories per second: a00-a02 at T0, a03-a05 a second later, ...
      Instant at = T0.plusSeconds(i / 3);
      MemoryType type = i % 2 == 0 ? MemoryType.FACT : MemoryType.DECISION;
      String[] tags = i % 3 == 2 ? new String[] {"db"} : new String[] {"java", "db"};
      history.addAll(e.read(e.stored(String.format("a%02d", i), "c1", type, at, tags)));
    }
    writer.apply(history);
    ListKey factsOnJava = ListKey.of(ListKey.CONTEXT, "c1", "FACT", "java");

    assertThat(ids(queries.list(e.tenant, factsOnJava, null, null, 50, null)))
        .as("FACT: even i; java: i % 3 != 2; newest second first, ids ascending within it")
        .containsExactly("a10", "a06", "a04", "a00");
    assertThat(
            ids(
                queries.list(
                    e.tenant,
                    ListKey.of(ListKey.PROJECT, "p1", null, "java"),
                    T0.plusSeconds(1),
                    T0.plusSeconds(3),
                    50,
                    null)))
        .as("tag within [1 s, 3 s)")
        .containsExactly("a06", "a07", "a03", "a04");
    assertThat(
            ids(
                queries.list(
                    e.tenant,
                    ListKey.of(ListKey.PROJECT, "p1", "DECISION", null),
                    null,
                    T0.plusSeconds(2),
                    50,
                    null)))
        .containsExactly("a03", "a05", "a01");

    List<String> seen = new java.util.ArrayList<>();
    ListKey db = ListKey.of(ListKey.CONTEXT, "c1", null, "db");
    String cursor = null;
    int pages = 0;
    do {
      Page<ListedMemory> page = queries.list(e.tenant, db, null, null, 2, cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      seen.addAll(ids(page));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);
    assertThat(seen)
        .as("pages of 2 cut the seconds' ties in the middle")
        .containsExactly(
            "a09", "a10", "a11", "a06", "a07", "a08", "a03", "a04", "a05", "a00", "a01", "a02");
    assertThat(pages).isEqualTo(6);

    // A new type and tags overwrite the one row per scope: the memory leaves the old filters.
    writer.apply(e.read(e.updated("a10", MemoryType.DECISION, "now a decision", T0, "go")));
    assertThat(ids(queries.list(e.tenant, factsOnJava, null, null, 50, null)))
        .containsExactly("a06", "a04", "a00");
    assertThat(
            ids(
                queries.list(
                    e.tenant,
                    ListKey.of(ListKey.CONTEXT, "c1", "DECISION", "go"),
                    null,
                    null,
                    50,
                    null)))
        .containsExactly("a10");
    assertThat(
            ids(
                queries.list(
                    e.tenant, ListKey.of(ListKey.CONTEXT, "c1", null, null), null, null, 50, null)))
        .hasSize(12)
        .startsWith("a09", "a10", "a11");
  }

  private static Page<ListedMemory> project(String tenant, String type, String tag) {
    return queries.list(tenant, ListKey.of(ListKey.PROJECT, "p1", type, tag), null, null, 50, null);
  }

  private static Page<ListedMemory> context(String tenant, String ctx, String type, String tag) {
    return queries.list(tenant, ListKey.of(ListKey.CONTEXT, ctx, type, tag), null, null, 50, null);
  }

  private static List<String> ids(Page<ListedMemory> page) {
    return page.items().stream().map(ListedMemory::memoryId).toList();
  }

  /** An upgrade from the layout before memories_by_scope is rebuilt once, a new keyspace never. */
  @Test
  void aKeyspaceAnOlderLayoutFilledIsRebuiltOnceAndANewOneNever() {
    MemorySchema other =
        MemorySchema.singleNode("layout_it_" + UUID.randomUUID().toString().substring(0, 8));
    other.apply(admin);
    try {
      String ks = other.keyspace();
      assertThat(ReadModelLayout.inspect(ks, admin).rebuildNeeded()).isFalse();
      admin.execute(
          "INSERT INTO " + ks + ".memories_by_id (tenant_id, memory_id) VALUES ('t', 'm')");
      assertThat(ReadModelLayout.inspect(ks, admin).rebuildNeeded())
          .as("marked while empty: its memories were written by this layout")
          .isFalse();

      admin.execute("TRUNCATE " + ks + ".read_model_layouts"); // as an older version left it
      ReadModelLayout older = ReadModelLayout.inspect(ks, admin);
      assertThat(older.rebuildNeeded()).isTrue();
      older.markBuilt(admin);
      assertThat(ReadModelLayout.inspect(ks, admin).rebuildNeeded()).isFalse();

      other.truncate(admin); // what the rebuild does: the mark survives it
      assertThat(ReadModelLayout.inspect(ks, admin).rebuildNeeded()).isFalse();
      assertThat(admin.execute("SELECT layout FROM " + ks + ".read_model_layouts").one())
          .isNotNull();
    } finally {
      other.drop(admin);
    }
  }

  /**
   * What a rebuild does to the list indexes (ADR 0007): dropped, a list by type or tag is refused
   * with the exception the query side answers 503 for, an unfiltered one still answered; created
   * again from the schema's statements, the same lists answer in full once Cassandra says the
   * indexes are queryable.
   */
  @Test
  void listsByTypeOrTagAreRefusedWhileTheirIndexesAreDroppedAndAnsweredOnceBuiltAgain()
      throws InterruptedException {
    MemorySchema other =
        MemorySchema.singleNode("sai_it_" + UUID.randomUUID().toString().substring(0, 8));
    other.apply(admin);
    ListIndexes indexes = new ListIndexes(other);
    try (CqlSession rebuilt = connect(endpoints, other.keyspace())) {
      TestEvents e = new TestEvents("tenant-" + UUID.randomUUID(), "p1");
      new MemoryCassandraWriter(rebuilt, Clock.systemUTC())
          .apply(
              e.read(
                  e.context("c1", T0),
                  e.stored("m1", "c1", MemoryType.FACT, T0.plusSeconds(1), "java"),
                  e.stored("m2", "c1", MemoryType.DECISION, T0.plusSeconds(2), "db"),
                  e.stored("m3", "c1", MemoryType.FACT, T0.plusSeconds(3), "db", "java")));
      ListKey byType = ListKey.of(ListKey.PROJECT, "p1", "FACT", null);
      ListKey byTag = ListKey.of(ListKey.CONTEXT, "c1", null, "db");
      // Prepared while the indexes exist, as a running query side's statements are.
      MemoryReadModelQueries lists = new MemoryReadModelQueries(rebuilt);
      assertThat(ids(lists.list(e.tenant, byType, null, null, 10, null)))
          .containsExactly("m3", "m1");
      assertThat(ids(lists.list(e.tenant, byTag, null, null, 10, null)))
          .containsExactly("m3", "m2");

      indexes.drop(admin);
      assertThat(indexes.status(admin)).isEmpty();
      assertThat(
              ids(
                  lists.list(
                      e.tenant,
                      ListKey.of(ListKey.PROJECT, "p1", null, null),
                      null,
                      null,
                      10,
                      null)))
          .containsExactly("m3", "m2", "m1");
      for (ListKey filtered : List.of(byType, byTag)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> lists.list(e.tenant, filtered, null, null, 10, null))
            .isInstanceOf(ListFiltersUnavailableException.class)
            .hasMessageContaining("memory lists by type/tag are being rebuilt");
      }

      Instant deadline = Instant.now().plusSeconds(60);
      while (!indexes.ensureQueryable(admin)) {
        assertThat(Instant.now()).as("indexes queryable within 60 s").isBefore(deadline);
        Thread.sleep(100);
      }
      assertThat(indexes.status(admin))
          .containsOnlyKeys("memories_by_scope_type", "memories_by_scope_tags")
          .containsValues(true);
      assertThat(ids(lists.list(e.tenant, byType, null, null, 10, null)))
          .containsExactly("m3", "m1");
      assertThat(ids(lists.list(e.tenant, byTag, null, null, 10, null)))
          .containsExactly("m3", "m2");
    } finally {
      other.drop(admin);
    }
  }

  private static CqlSession connect(StackEndpoints stack, String keyspace) {
    String[] hostPort = stack.cassandraContactPoint().split(":");
    var builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
            .withLocalDatacenter(stack.cassandraDatacenter())
            .withConfigLoader(
                DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .build());
    return keyspace == null ? builder.build() : builder.withKeyspace(keyspace).build();
  }
}
