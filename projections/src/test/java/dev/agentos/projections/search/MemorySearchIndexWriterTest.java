package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetRequest;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.ObjectBuilder;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The writer's rules for what Elasticsearch refuses, against a client answering as 8.19 does. */
class MemorySearchIndexWriterTest {

  private final ElasticsearchClient client = mock(ElasticsearchClient.class);
  private final MemorySearchIndexWriter writer =
      new MemorySearchIndexWriter(
          client,
          "agentos-memories",
          new MemoryDocuments(texts -> texts.stream().map(t -> new float[384]).toList()));
  private final List<String> written = new ArrayList<>();
  private final Map<String, Map<String, Object>> documents = new HashMap<>();

  @Test
  void aDocumentRefusedForGoodIsRefusedWithElasticsearchsReasonAndTheRestIsWritten()
      throws IOException {
    answerBulk(400);
    SequencedMemoryEvent good = stored("m-good", Map.of("file", "a.java"));
    SequencedMemoryEvent huge = stored("m-huge", Map.of("blob", "x".repeat(40_000)));
    SequencedMemoryEvent alsoGood = stored("m-also", Map.of());

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(good, huge, alsoGood));

    assertThat(written).containsExactly(inT1("m-good"), inT1("m-also"));
    assertThat(refused).extracting(Refusal::item).containsExactly(huge);
    assertThat(refused.get(0).reason())
        .startsWith("memory index refused memory m-huge: 400 document_parsing_exception: ")
        .contains(
            "caused by illegal_argument_exception: Flattened field [metadata] contains one immense");
    assertThat(refused.get(0).errorClass()).isEqualTo("document_parsing_exception");
  }

  @Test
  void aBulkRefusedWholeForOneDocumentIsWrittenOneByOneAndOnlyThatOneIsRefused()
      throws IOException {
    answerBulk(400);
    SequencedMemoryEvent good = stored("m-good", Map.of());
    SequencedMemoryEvent longId = stored("m-" + "i".repeat(600), Map.of());

    List<Refusal<SequencedMemoryEvent>> refused = writer.onMemoryEvents(List.of(good, longId));

    assertThat(written).containsExactly(inT1("m-good"));
    assertThat(refused).extracting(Refusal::item).containsExactly(longId);
    assertThat(refused.get(0).reason())
        .contains("400 action_request_validation_exception: Validation Failed: 1: id [")
        .as("200 characters of the id, then at most 1,000 of Elasticsearch's answer")
        .contains("iii… (602 chars): 400 action_request_validation_exception")
        .hasSizeLessThanOrEqualTo(1_300);
  }

  /**
   * Such a memory can never have a document, so a later event of it is refused the same way instead
   * of failing its batch for good on the read before the write.
   */
  @Test
  void aLaterEventOfAMemoryWhoseIdIsTooLongForTheIndexIsRefusedToo() throws IOException {
    answerBulk(400);
    answerMget();
    SequencedMemoryEvent longId = stored("m-" + "i".repeat(600), Map.of());
    writer.onMemoryEvents(List.of(longId));
    MemoryUpdated update = MemoryEvents.updated((MemoryStored) longId.event(), "changed");
    SequencedMemoryEvent later = new SequencedMemoryEvent(update, 1);

    List<Refusal<SequencedMemoryEvent>> refused = writer.onMemoryEvents(List.of(later));

    assertThat(refused).extracting(Refusal::item).containsExactly(later);
    assertThat(refused.get(0).reason()).contains("400 action_request_validation_exception");
  }

  @Test
  void aDocumentRefusedForNowFailsTheBatchSoItIsRetried() throws IOException {
    answerBulk(429);

    assertThatThrownBy(
            () ->
                writer.onMemoryEvents(
                    List.of(
                        stored("m-good", Map.of()),
                        stored("m-huge", Map.of("blob", "x".repeat(40_000))))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refused for now")
        .hasMessageContaining("m-huge");
  }

  @Test
  void aSingleEventWrittenOutsideAProcessorThrowsItsRefusal() throws IOException {
    answerBulk(400);
    MemoryStored huge =
        stored("m-huge", Map.of("blob", "x".repeat(40_000))).event() instanceof MemoryStored e
            ? e
            : null;

    assertThatThrownBy(() -> writer.on(huge, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("document_parsing_exception");
  }

  @Test
  void aGoodStoreBeforeARefusedUpdateOfTheSameMemoryInOneBatchKeepsTheStore() throws IOException {
    answerBulk(400);
    answerMget();
    SequencedMemoryEvent store = stored("m-1", Map.of("file", "a.java"));
    MemoryStored stored = (MemoryStored) store.event();
    MemoryUpdated update = MemoryEvents.updated(stored, "now with a huge attachment");
    update.setMetadata(Map.of("blob", "x".repeat(40_000)));
    SequencedMemoryEvent refusedUpdate = new SequencedMemoryEvent(update, 1);

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(store, refusedUpdate));

    assertThat(refused).extracting(Refusal::item).containsExactly(refusedUpdate);
    assertThat(written).as("the store, applied alone").containsExactly(inT1("m-1"));
    assertThat(documents.get(inT1("m-1")).get(MemoryFields.CONTENT)).isEqualTo(stored.getContent());
  }

  /**
   * Creates every document but those with a metadata value over Lucene's term limit, which it
   * answers with {@code status} as Elasticsearch does (400) or as an overloaded node would (429).
   */
  @SuppressWarnings("unchecked")
  private void answerBulk(int status) throws IOException {
    when(client.bulk(any(BulkRequest.class)))
        .thenAnswer(
            call -> {
              BulkRequest request = call.getArgument(0);
              // Elasticsearch validates ids before it writes anything: the whole _bulk is refused.
              for (BulkOperation operation : request.operations()) {
                String id = operation.isCreate() ? operation.create().id() : operation.index().id();
                if (id.length() > 512) {
                  throw new ElasticsearchException(
                      "bulk",
                      ErrorResponse.of(
                          r ->
                              r.status(400)
                                  .error(
                                      e ->
                                          e.type("action_request_validation_exception")
                                              .reason(
                                                  "Validation Failed: 1: id ["
                                                      + id
                                                      + "] is too long, must be no longer than 512"
                                                      + " bytes but was: "
                                                      + id.length()
                                                      + ";"))));
                }
              }
              List<BulkResponseItem> items = new ArrayList<>();
              for (BulkOperation operation : request.operations()) {
                String id = operation.isCreate() ? operation.create().id() : operation.index().id();
                Map<String, Object> doc =
                    (Map<String, Object>)
                        (operation.isCreate()
                            ? operation.create().document()
                            : operation.index().document());
                boolean immense =
                    ((Map<String, String>) doc.get(MemoryFields.METADATA))
                        .values().stream().anyMatch(v -> v.length() > 32_766);
                items.add(immense ? refused(id, status) : created(id));
                if (!immense) {
                  written.add(id);
                  documents.put(id, doc);
                }
              }
              return BulkResponse.of(b -> b.items(items).errors(true).took(1));
            });
  }

  /** Reads back what {@link #answerBulk} wrote. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private void answerMget() throws IOException {
    when(client.mget(any(Function.class), eq(Map.class)))
        .thenAnswer(
            call -> {
              Function<MgetRequest.Builder, ObjectBuilder<MgetRequest>> build = call.getArgument(0);
              MgetRequest request = build.apply(new MgetRequest.Builder()).build();
              // As Elasticsearch does: an id over 512 bytes fails the whole request.
              for (String id : request.ids()) {
                if (id.length() > 512) {
                  throw new ElasticsearchException(
                      "mget",
                      ErrorResponse.of(
                          r ->
                              r.status(400)
                                  .error(
                                      e ->
                                          e.type("action_request_validation_exception")
                                              .reason("Validation Failed: 1: id is too long"))));
                }
              }
              List<MultiGetResponseItem<Object>> docs = new ArrayList<>();
              for (String id : request.ids()) {
                Map<String, Object> doc = documents.get(id);
                docs.add(
                    MultiGetResponseItem.<Object>of(
                        i ->
                            i.result(
                                g ->
                                    g.index("agentos-memories-v1")
                                        .id(id)
                                        .found(doc != null)
                                        .source(doc)
                                        .seqNo(1L)
                                        .primaryTerm(1L))));
              }
              return MgetResponse.<Object>of(m -> m.docs(docs));
            });
  }

  private static BulkResponseItem created(String id) {
    return BulkResponseItem.of(
        i ->
            i.operationType(OperationType.Create)
                .index("agentos-memories-v1")
                .id(id)
                .status(201)
                .seqNo(1L)
                .primaryTerm(1L));
  }

  private static BulkResponseItem refused(String id, int status) {
    return BulkResponseItem.of(
        i ->
            i.operationType(OperationType.Create)
                .index("agentos-memories-v1")
                .id(id)
                .status(status)
                .error(
                    status == 400
                        ? e ->
                            e.type("document_parsing_exception")
                                .reason(
                                    "[1:2000] failed to parse field [metadata] of type"
                                        + " [flattened]. Preview of field's value: '"
                                        + "x".repeat(1_000)
                                        + "'")
                                .causedBy(
                                    c ->
                                        c.type("illegal_argument_exception")
                                            .reason(
                                                "Flattened field [metadata] contains one immense"
                                                    + " field whose keyed encoding is longer than"
                                                    + " the allowed max length of 32766 bytes."))
                        : e ->
                            e.type("es_rejected_execution_exception")
                                .reason("rejected execution of coordinating operation")));
  }

  private static SequencedMemoryEvent stored(String memoryId, Map<String, String> metadata) {
    MemoryStored stored = MemoryEvents.stored("t1", memoryId, "c1", "content of " + memoryId);
    stored.setMetadata(metadata);
    return new SequencedMemoryEvent(stored, 0);
  }

  /** A document's id: the memory's id within tenant t1, where every event here is stored. */
  private static String inT1(String memoryId) {
    return StreamIds.of("t1", memoryId);
  }
}
