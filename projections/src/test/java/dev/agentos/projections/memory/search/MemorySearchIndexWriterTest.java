package dev.agentos.projections.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.source.Refusal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Test
  void aDocumentRefusedForGoodIsRefusedWithElasticsearchsReasonAndTheRestIsWritten()
      throws IOException {
    answerBulk(400);
    SequencedMemoryEvent good = stored("m-good", Map.of("file", "a.java"));
    SequencedMemoryEvent huge = stored("m-huge", Map.of("blob", "x".repeat(40_000)));
    SequencedMemoryEvent alsoGood = stored("m-also", Map.of());

    List<Refusal<SequencedMemoryEvent>> refused =
        writer.onMemoryEvents(List.of(good, huge, alsoGood));

    assertThat(written).containsExactly("m-good", "m-also");
    assertThat(refused).extracting(Refusal::item).containsExactly(huge);
    assertThat(refused.get(0).reason())
        .startsWith("memory index refused memory m-huge: 400 document_parsing_exception: ")
        .contains("caused by illegal_argument_exception: Document contains at least one immense");
    assertThat(refused.get(0).errorClass()).isEqualTo("document_parsing_exception");
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
              List<BulkResponseItem> items = new ArrayList<>();
              for (BulkOperation operation : request.operations()) {
                String id = operation.create().id();
                Map<String, Object> doc = (Map<String, Object>) operation.create().document();
                boolean immense =
                    ((Map<String, String>) doc.get(MemoryFields.METADATA))
                        .values().stream().anyMatch(v -> v.length() > 32_766);
                items.add(immense ? refused(id, status) : created(id));
                if (!immense) {
                  written.add(id);
                }
              }
              return BulkResponse.of(b -> b.items(items).errors(true).took(1));
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
                                    "[1:2000] failed to parse field [metadata] of type [flattened]")
                                .causedBy(
                                    c ->
                                        c.type("illegal_argument_exception")
                                            .reason(
                                                "Document contains at least one immense term in"
                                                    + " field=\"metadata._keyed\""))
                        : e ->
                            e.type("es_rejected_execution_exception")
                                .reason("rejected execution of coordinating operation")));
  }

  private static SequencedMemoryEvent stored(String memoryId, Map<String, String> metadata) {
    MemoryStored stored = MemoryEvents.stored("t1", memoryId, "c1", "content of " + memoryId);
    stored.setMetadata(metadata);
    return new SequencedMemoryEvent(stored, 0);
  }
}
