package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.schemas.topics.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.yaml.snakeyaml.Yaml;

class EventStreamsConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(EventStreamsConfiguration.class);

  @Test
  void theReadModelStartsOnlyWhereItsProcessorIsConfigured() {
    context.run(app -> assertThat(app).doesNotHaveBean(EventStreamProjection.class));
    context
        .withPropertyValues(
            "agentos.projections.processors.event-streams.topics=agentos.executions.v1",
            "agentos.projections.event-streams.elasticsearch-url=http://127.0.0.1:1")
        .run(
            app -> {
              // Configured, it sets up its indices before any processor starts, and says so when
              // Elasticsearch is not there rather than failing on the first event.
              assertThat(app).hasFailed();
              assertThat(app.getStartupFailure())
                  .hasStackTraceContaining("could not set up the event stream indices");
            });
  }

  /** A topic added to {@code Topics} without its line in application.yml would never be indexed. */
  @Test
  @SuppressWarnings("unchecked")
  void applicationYmlReadsEveryNonRawTopic() throws IOException {
    Map<String, Object> yml;
    try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
      yml = new Yaml().load(in);
    }
    Map<String, Object> processors =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) yml.get("agentos")).get("projections"))
                .get("processors");
    List<String> topics =
        (List<String>)
            ((Map<String, Object>) processors.get(EventStreams.PROCESSING_GROUP)).get("topics");
    assertThat(topics)
        .containsExactlyInAnyOrderElementsOf(
            EventStreams.topics().stream().map(Topic::name).toList());
  }
}
