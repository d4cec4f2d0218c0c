package dev.agentos.projections.search;

import static dev.agentos.readmodels.search.MemoryFields.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.search.MemoryDocuments.Content;
import dev.agentos.projections.search.MemoryDocuments.Vector;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryDocumentsTest {

  private final List<List<String>> embedCalls = new ArrayList<>();
  private final MemoryDocuments documents =
      new MemoryDocuments(
          texts -> {
            embedCalls.add(texts);
            return texts.stream().map(t -> new float[MemoryEmbedder.DIMENSIONS]).toList();
          });

  @Test
  void aStoredMemoryBecomesAnActiveDocumentOfItsScope() {
    MemoryStored e = MemoryEvents.stored("t1", "m1", "c1", "Prices round half-up", "money");
    Vector vector = new Vector("bge", List.of(1f));

    Map<String, Object> doc = MemoryDocuments.stored(e, 0, vector);

    assertThat(doc)
        .containsEntry(MEMORY_ID, "m1")
        .containsEntry(TENANT_ID, "t1")
        .containsEntry(PROJECT_ID, "project-1")
        .containsEntry(AGENT_ID, "agent-1")
        .containsEntry(SESSION_ID, "session-1")
        .containsEntry(CONTEXT_ID, "c1")
        .containsEntry(TYPE, "FACT")
        .containsEntry(STATE, "ACTIVE")
        .containsEntry(SCOPE_KEY, "2:t1|9:project-1|ACTIVE")
        .containsEntry(VECTOR_KEY, "2:t1|9:project-1|ACTIVE|bge")
        .containsEntry(CONTENT, "Prices round half-up")
        .containsEntry(TAGS, List.of("money"))
        .containsEntry(METADATA, Map.of("file", "src/Main.java"))
        .containsEntry(EMBEDDING, List.of(1f))
        .containsEntry(EMBEDDING_MODEL, "bge")
        .containsEntry(LAST_EVENT_ID, e.getHeader().getEventId())
        .containsEntry(VERSION, 0L)
        .containsEntry(CREATED_AT, e.getHeader().getOccurredAt().toEpochMilli());
  }

  @Test
  void theCacheIsLookedUpUnlessEveryTextIsFreshAndKeepsNewVectorsOnlyWhenAsked() {
    Map<String, float[]> kept = new HashMap<>();
    List<Collection<String>> lookups = new ArrayList<>();
    EmbeddingCache.Store store =
        new EmbeddingCache.Store() {
          @Override
          public Map<String, float[]> get(Collection<String> keys) {
            lookups.add(keys);
            return Map.of();
          }

          @Override
          public void put(Map<String, float[]> vectors) {
            kept.putAll(vectors);
          }
        };
    MemoryDocuments cached =
        new MemoryDocuments(
            new EmbeddingCache(
                store,
                "bge",
                texts -> texts.stream().map(t -> new float[MemoryEmbedder.DIMENSIONS]).toList()));
    Content live = new Content("e1", "a text stored a moment ago", null, true);
    Content replayed = new Content("e2", "a text read again in a replay", null, false);

    MemoryDocuments.Vectors fresh = cached.embed(List.of(live));
    assertThat(lookups).isEmpty();
    assertThat(kept).isEmpty();
    fresh.keep().run();
    assertThat(kept).hasSize(1);

    cached.embed(List.of(live, replayed));
    assertThat(lookups).hasSize(1);
    assertThat(fresh.byEventId()).containsOnlyKeys("e1");
  }

  @Test
  void aSuppliedEmbeddingOfTheIndexSizeIsUsedAsItIsAndTheRestAreEmbeddedInOneBatch() {
    MemoryStored supplied = MemoryEvents.stored("t1", "m1", "c1", "one");
    supplied.setEmbedding(MemoryEvents.embedding("client-model", MemoryEmbedder.DIMENSIONS));
    MemoryStored wrongSize = MemoryEvents.stored("t1", "m2", "c1", "two");
    wrongSize.setEmbedding(MemoryEvents.embedding("client-model", 3));
    MemoryStored none = MemoryEvents.stored("t1", "m3", "c1", "three");

    Map<String, Vector> vectors =
        documents.vectors(List.of(content(supplied), content(wrongSize), content(none)));

    assertThat(vectors.get(supplied.getHeader().getEventId()).model()).isEqualTo("client-model");
    assertThat(vectors.get(wrongSize.getHeader().getEventId()).model())
        .isEqualTo(MemoryEmbedder.MODEL_NAME);
    assertThat(vectors.get(none.getHeader().getEventId()).values())
        .hasSize(MemoryEmbedder.DIMENSIONS);
    assertThat(embedCalls).containsExactly(List.of("two", "three"));
  }

  @Test
  void anUpdateKeepsScopeStateAndTheVectorOfUnchangedText() {
    MemoryStored e = MemoryEvents.stored("t1", "m1", "c1", "same text");
    Map<String, Object> current = MemoryDocuments.stored(e, 0, new Vector("bge", List.of(1f)));
    MemoryUpdated retagged = MemoryEvents.updated(e, "same text");
    retagged.setTags(new ArrayList<>(List.of("new-tag")));

    assertThat(MemoryDocuments.needsVector(current, retagged)).isFalse();
    Map<String, Object> doc = MemoryDocuments.updated(current, retagged, 3, null);

    assertThat(doc)
        .containsEntry(TAGS, List.of("new-tag"))
        .containsEntry(CONTEXT_ID, "c1")
        .containsEntry(EMBEDDING, List.of(1f))
        .containsEntry(VERSION, 3L);
    assertThat(MemoryDocuments.needsVector(current, MemoryEvents.updated(e, "new text"))).isTrue();
  }

  @Test
  void anEventNotNewerThanTheDocumentIsNotApplied() {
    Map<String, Object> doc =
        MemoryDocuments.stored(MemoryEvents.stored("t1", "m1", "c1", "x"), 2, aVector());

    assertThat(MemoryDocuments.isNewer(doc, 2)).isFalse();
    assertThat(MemoryDocuments.isNewer(doc, 1)).isFalse();
    assertThat(MemoryDocuments.isNewer(doc, 3)).isTrue();
    assertThat(MemoryDocuments.isNewer(null, 0)).isTrue();
  }

  @Test
  void aMergeMovesMembersAndSupersedesCollapsedDuplicatesButNotTombstones() {
    MemoryStored e = MemoryEvents.stored("t1", "m1", "c1", "x");
    Map<String, Object> doc = MemoryDocuments.stored(e, 0, aVector());

    Map<String, Object> moved = MemoryDocuments.movedTo(doc, "target");
    assertThat(moved).containsEntry(CONTEXT_ID, "target");
    assertThat(MemoryDocuments.movedTo(moved, "target")).isNull();

    Map<String, Object> collapsed = MemoryDocuments.collapsedInto(doc, "kept", "target");
    assertThat(collapsed)
        .containsEntry(STATE, "SUPERSEDED")
        .containsEntry(SCOPE_KEY, "2:t1|9:project-1|SUPERSEDED")
        .containsEntry(VECTOR_KEY, "2:t1|9:project-1|SUPERSEDED|" + MemoryEmbedder.MODEL_NAME)
        .containsEntry(SUPERSEDED_BY, "kept")
        .containsEntry(CONTEXT_ID, "target");
    assertThat(MemoryDocuments.collapsedInto(collapsed, "kept", "target")).isNull();

    Map<String, Object> tombstone = MemoryDocuments.deleted(doc, MemoryEvents.deleted(e), 1);
    assertThat(tombstone).containsEntry(SCOPE_KEY, "2:t1|9:project-1|DELETED");
    assertThat(MemoryDocuments.collapsedInto(tombstone, "kept", "target")).isNull();
  }

  private static Vector aVector() {
    return new Vector(MemoryEmbedder.MODEL_NAME, List.of(0f));
  }

  private static Content content(MemoryStored e) {
    return new Content(e.getHeader().getEventId(), e.getContent(), e.getEmbedding());
  }
}
