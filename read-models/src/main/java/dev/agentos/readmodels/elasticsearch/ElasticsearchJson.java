package dev.agentos.readmodels.elasticsearch;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of every Elasticsearch client of AgentOS: the client's own, but writing floats
 * with Jackson's Schubfach writer instead of {@link Float#toString}. Every memory document and
 * every kNN query carries 384 of them, and on Java 17 {@code Float.toString} was a fifth of the
 * memory-search projection's CPU in a rebuild (docs/benchmarks.md). Both print a decimal that reads
 * back as the same float, so what Elasticsearch stores does not change.
 */
public final class ElasticsearchJson {

  private ElasticsearchJson() {}

  public static JacksonJsonpMapper mapper() {
    JsonFactory factory =
        JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    return new JacksonJsonpMapper(new ObjectMapper(factory));
  }
}
