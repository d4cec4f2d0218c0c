package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.streams.EventStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against an Elasticsearch that is not there: nothing listens on port 1. */
class EventStreamProjectionTest {

  private final RestClientTransport transport =
      new RestClientTransport(
          RestClient.builder(HttpHost.create("http://127.0.0.1:1")).build(),
          ElasticsearchJson.mapper());
  private final List<Duration> waited = new ArrayList<>();
  private final EventStreamProjection projection =
      new EventStreamProjection(
          new EventStreamIndexWriter(new ElasticsearchClient(transport), new EventStreams("t-")),
          waited::add);

  @AfterEach
  void close() throws IOException {
    transport.close();
  }

  @Test
  void anUnreachableElasticsearchIsWaitedForBeforeTheEventFails() {
    assertThatThrownBy(() -> projection.on(RandomEvents.of(ExecutionCompleted.class, 1)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("could not reach Elasticsearch");
    assertThat(waited).isEqualTo(EventStreamProjection.OUTAGE_PAUSES);
    assertThat(waited.stream().mapToLong(Duration::toSeconds).sum()).isBetween(100L, 150L);
  }

  @Test
  void aDeadLetterOfThisGroupThatCannotBeIndexedIsNotFailedAgain() throws Exception {
    RecordDeadLettered ours = RandomEvents.of(RecordDeadLettered.class, 2);
    ours.setStage(EventStreams.PROCESSING_GROUP);
    projection.on(ours); // no exception: no dead letter about a dead letter

    RecordDeadLettered others = RandomEvents.of(RecordDeadLettered.class, 3);
    others.setStage("memory-cassandra");
    assertThatThrownBy(() -> projection.on(others)).isInstanceOf(UncheckedIOException.class);
  }
}
