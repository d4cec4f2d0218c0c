package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextsMerged;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.search.MemoryDocumentStore.Refused;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The search writer's rules whatever its store: idempotency by aggregate sequence, lost races
 * recomputed, refusals for good answered with the store's reason (what the projection sets aside as
 * a dead letter), refusals for now thrown (the batch is retried). The store is a map here; {@code
 * ElasticsearchMemoryIndexIT} holds them on Elasticsearch.
 */
class MemorySearchIndexWriterRulesTest {

  private final DocumentsInMemory store = new DocumentsInMemory();
  private final List<List<String>> embedded = new ArrayList<>();
  private final MemorySearchIndexWriter writer =
      new MemorySearchIndexWriter(
          store,
          new MemoryDocuments(
              texts -> {
                embedded.add(List.copyOf(texts));
                return texts.stream().map(text -> new float[384]).toList();
              }));

  private final MemoryStored stored = MemoryEvents.stored("t1", "m1", "c1", "Prices round up");
  private final String m1 = StreamIds.of("t1", "m1");

  @Test
  void anEventAtOrBelowTheDocumentsSequenceIsSkippedWithoutAWrite() {
    writer.onMemoryEvents(List.of(at(stored, 0), at(updated("v1"), 1)));
    int writes = store.writes().size();

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(at(updated("stale"), 1), at(updated("older"), 0)));

    assertThat(refused).isEmpty();
    assertThat(store.writes()).hasSize(writes);
    assertThat(store.get(m1))
        .containsEntry(MemoryFields.CONTENT, "v1")
        .containsEntry(MemoryFields.VERSION, 1L);
  }

  @Test
  void aRedeliveredStoreLosesItsCreateAndIsThenSkipped() {
    writer.onMemoryEvents(List.of(at(stored, 0), at(updated("v1"), 1)));

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(new SequencedMemoryEvent(stored, 0, true)));

    assertThat(refused).isEmpty();
    assertThat(store.get(m1)).containsEntry(MemoryFields.CONTENT, "v1");
  }

  @Test
  void eventsOutOfOrderKeepTheNewest() {
    writer.on(stored, 0);
    writer.on(updated("v2"), 2);
    writer.on(updated("v1"), 1);

    assertThat(store.get(m1))
        .containsEntry(MemoryFields.CONTENT, "v2")
        .containsEntry(MemoryFields.VERSION, 2L);
  }

  @Test
  void theEventsOfABatchAreFoldedInOneWriteAndTheirTextsEmbeddedInOneCall() {
    writer.onMemoryEvents(List.of(at(stored, 0), at(updated("v1"), 1), at(updated("v2"), 2)));

    assertThat(store.writes()).hasSize(1);
    assertThat(embedded).hasSize(1);
    assertThat(embedded.get(0)).containsExactly("Prices round up", "v1", "v2");
    assertThat(store.get(m1)).containsEntry(MemoryFields.CONTENT, "v2");
  }

  @Test
  void aDocumentRefusedForGoodIsAnsweredWithTheStoresReasonAndTheRestIsWritten() {
    store.refuse(
        doc ->
            "m-bad".equals(doc.get(MemoryFields.MEMORY_ID))
                ? new Refused(
                    "document_parsing_exception", "400 document_parsing_exception: too big")
                : null);
    SequencedMemoryEvent bad = at(MemoryEvents.stored("t1", "m-bad", "c1", "huge"), 0);

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(at(stored, 0), bad));

    assertThat(refused).extracting(Refusal::item).containsExactly(bad);
    assertThat(refused.get(0).reason())
        .isEqualTo("memory index refused memory m-bad: 400 document_parsing_exception: too big");
    assertThat(refused.get(0).errorClass()).isEqualTo("document_parsing_exception");
    assertThat(store.get(m1)).containsEntry(MemoryFields.CONTENT, "Prices round up");
    assertThat(store.get(StreamIds.of("t1", "m-bad"))).isNull();
  }

  @Test
  void onlyTheEventThatMakesADocumentUnwritableIsRefused() {
    store.refuse(
        doc ->
            "unwritable".equals(doc.get(MemoryFields.CONTENT))
                ? new Refused("document_parsing_exception", "no")
                : null);
    SequencedMemoryEvent bad = at(updated("unwritable"), 1);

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(at(stored, 0), bad));

    assertThat(refused).extracting(Refusal::item).containsExactly(bad);
    assertThat(store.get(m1)).containsEntry(MemoryFields.CONTENT, "Prices round up");
  }

  @Test
  void aRefusalForNowIsThrownSoTheBatchIsRetriedAndTheRetryWrites() {
    List<SequencedMemoryEvent> batch = List.of(at(stored, 0), at(updated("v1"), 1));
    store.failForNow(1);

    assertThatThrownBy(() -> writer.onMemoryEvents(batch))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused for now");
    assertThat(store.get(m1)).isNull();

    assertThat(writer.onMemoryEvents(batch)).isEmpty();
    assertThat(store.get(m1)).containsEntry(MemoryFields.CONTENT, "v1");
  }

  @Test
  void aDocumentChangedBetweenReadAndWriteIsRecomputedKeepingBothChanges() {
    writer.on(stored, 0);
    // A merge moves the memory while the update is being computed.
    store.beforeNextWrite(() -> store.put(m1, MemoryDocuments.movedTo(store.get(m1), "c2")));

    writer.on(updated("v1"), 1);

    assertThat(store.get(m1))
        .containsEntry(MemoryFields.CONTENT, "v1")
        .containsEntry(MemoryFields.CONTEXT_ID, "c2");
  }

  @Test
  void aMergeAppliedTwiceGivesTheSameDocumentsAndTheSecondWritesNothing() {
    MemoryStored kept = MemoryEvents.stored("t1", "m2", "c2", "Prices round up, always");
    writer.onMemoryEvents(List.of(at(stored, 0), at(kept, 0)));
    ContextsMerged merge =
        new ContextsMerged(
            MemoryEvents.header("t1"),
            List.of("c1", "c2"),
            "c9",
            1,
            List.of(new CollapsedDuplicate("m1", "m2")));

    assertThat(writer.on(merge)).isEmpty();
    Map<String, Object> duplicate = store.get(m1);
    int writes = store.writes().size();
    assertThat(writer.on(merge)).isEmpty();

    assertThat(store.writes()).hasSize(writes);
    assertThat(store.get(m1)).isEqualTo(duplicate);
    assertThat(duplicate)
        .containsEntry(MemoryFields.STATE, "SUPERSEDED")
        .containsEntry(MemoryFields.SUPERSEDED_BY, "m2")
        .containsEntry(MemoryFields.CONTEXT_ID, "c9");
    assertThat(store.get(StreamIds.of("t1", "m2"))).containsEntry(MemoryFields.CONTEXT_ID, "c9");
  }

  private MemoryUpdated updated(String content) {
    return MemoryEvents.updated(stored, content);
  }

  private static SequencedMemoryEvent at(SpecificRecord event, long sequence) {
    return new SequencedMemoryEvent(event, sequence);
  }
}
