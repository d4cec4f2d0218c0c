package dev.agentos.readmodels.streams;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.agentos.schemas.topics.Topic;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Brings Elasticsearch up to the schemas before the projection writes: puts every stream's index
 * template (a PUT replaces it, so running twice is harmless) and adds new fields to the current
 * index of a stream that already has one, since a template only shapes indices created after it.
 */
public final class StreamIndexSetup {

  private final ElasticsearchClient client;
  private final EventStreams names;

  public StreamIndexSetup(ElasticsearchClient client, EventStreams names) {
    this.client = client;
    this.names = names;
  }

  public void ensure() {
    try {
      for (Map.Entry<String, Map<String, Object>> template :
          StreamTemplates.all(names).entrySet()) {
        String body = StreamTemplates.json(template.getValue());
        client
            .indices()
            .putIndexTemplate(r -> r.name(template.getKey()).withJson(new StringReader(body)));
      }
      for (Topic<String, ?> topic : EventStreams.topics()) {
        String index = names.index(EventStreams.streamOf(topic));
        if (client.indices().exists(e -> e.index(index)).value()) {
          // Adding fields is allowed; changing a type fails here, naming the field.
          String mappings = StreamTemplates.json(StreamTemplates.mappings(topic));
          client.indices().putMapping(m -> m.index(index).withJson(new StringReader(mappings)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not set up the event stream indices", e);
    }
  }
}
