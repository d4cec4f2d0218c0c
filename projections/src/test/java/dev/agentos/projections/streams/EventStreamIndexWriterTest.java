package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.projections.source.UnprocessableRecordException;
import dev.agentos.readmodels.streams.EventStreams;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What the writer makes of Elasticsearch's refusals, against a client answering as 8.19 does. */
class EventStreamIndexWriterTest {

  private final ElasticsearchClient client = mock(ElasticsearchClient.class);
  private final EventStreamIndexWriter writer =
      new EventStreamIndexWriter(client, new EventStreams("t-"));

  @Test
  void anEventRefusedForGoodIsUnprocessableWithElasticsearchsReason() throws IOException {
    answer(400, "mapper_parsing_exception", "failed to parse field [durationMs] of type [long]");

    assertThatThrownBy(() -> writer.index(RandomEvents.of(ExecutionCompleted.class, 1)))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageContaining("400 mapper_parsing_exception: failed to parse field [durationMs]");
  }

  @Test
  void anEventRefusedForNowIsWaitedForAsAnOutage() throws IOException {
    answer(429, "es_rejected_execution_exception", "rejected execution");
    List<Duration> waited = new ArrayList<>();
    EventStreamProjection projection = new EventStreamProjection(writer, waited::add);

    assertThatThrownBy(() -> projection.on(RandomEvents.of(ExecutionCompleted.class, 1)))
        .isInstanceOf(EventStreamIndexWriter.RefusedForNowException.class);
    assertThat(waited).isEqualTo(EventStreamProjection.OUTAGE_PAUSES);
  }

  @SuppressWarnings("unchecked")
  private void answer(int status, String type, String reason) throws IOException {
    BulkResponseItem item =
        BulkResponseItem.of(
            i ->
                i.operationType(OperationType.Index)
                    .index("t-executions")
                    .id("e1")
                    .status(status)
                    .error(e -> e.type(type).reason(reason)));
    BulkResponse response = BulkResponse.of(b -> b.items(item).errors(true).took(1));
    when(client.bulk(any(Function.class))).thenReturn(response);
    when(client.bulk(any(BulkRequest.class))).thenReturn(response);
  }
}
