package dev.agentos.projections.streams;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.agentos.projections.elasticsearch.BulkItemErrors;
import dev.agentos.projections.source.UnprocessableRecordException;
import dev.agentos.readmodels.streams.EventStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes events to their stream's index with the event id as document id: a redelivered event
 * replaces its own document, so the index never counts an event twice.
 */
public final class EventStreamIndexWriter {

  private final ElasticsearchClient client;
  private final EventStreams names;

  public EventStreamIndexWriter(ElasticsearchClient client, EventStreams names) {
    this.client = client;
    this.names = names;
  }

  public void index(SpecificRecord event) {
    index(List.of(event));
  }

  /**
   * Elasticsearch refused events for a reason that may pass (429, 5xx): worth waiting for, like an
   * outage, rather than setting the events aside.
   */
  public static class RefusedForNowException extends IllegalStateException {

    RefusedForNowException(String message) {
      super(message);
    }
  }

  /**
   * One {@code _bulk}; fails naming every event Elasticsearch refused and why: with {@link
   * UnprocessableRecordException} when every refusal is for good (a mapping the event does not
   * fit), so its record is set aside at once, else with {@link RefusedForNowException}.
   */
  public void index(List<? extends SpecificRecord> events) {
    if (events.isEmpty()) {
      return;
    }
    List<BulkOperation> operations =
        events.stream()
            .map(
                event -> {
                  String stream = EventStreams.streamOf(event.getClass());
                  Map<String, Object> doc = EventDocuments.of(event, stream);
                  return BulkOperation.of(
                      op ->
                          op.index(
                              i ->
                                  i.index(names.index(stream))
                                      .id(EventDocuments.eventId(event))
                                      .document(doc)));
                })
            .toList();
    BulkResponse response;
    try {
      response = client.bulk(b -> b.operations(operations));
    } catch (ElasticsearchException e) {
      // The whole _bulk refused (400: an id over 512 bytes): with one event, that event's fault.
      if (events.size() == 1 && BulkItemErrors.isPermanent(e.status())) {
        throw new UnprocessableRecordException(
            "Elasticsearch refused an event: " + e.getMessage(), e);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("could not reach Elasticsearch to index events", e);
    }
    if (response.errors()) {
      List<BulkResponseItem> refused =
          response.items().stream().filter(item -> item.error() != null).toList();
      String described =
          "Elasticsearch refused events: "
              + refused.stream()
                  .map(
                      item -> item.index() + "/" + item.id() + ": " + BulkItemErrors.describe(item))
                  .toList();
      if (refused.stream().allMatch(BulkItemErrors::isPermanent)) {
        throw new UnprocessableRecordException(described);
      }
      throw new RefusedForNowException(described);
    }
  }
}
