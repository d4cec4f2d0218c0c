package dev.agentos.readmodels.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpGenerator;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElasticsearchJsonTest {

  /** The generators the client writes requests with, not only the mapper, have the writer. */
  @Test
  void writesFloatsWithTheFastWriter() {
    JacksonJsonpMapper mapper = ElasticsearchJson.mapper();
    try (JsonGenerator generator = mapper.jsonProvider().createGenerator(new StringWriter())) {
      assertThat(
              ((JacksonJsonpGenerator) generator)
                  .jacksonGenerator()
                  .isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER))
          .isTrue();
    }
  }

  /** What Elasticsearch parses is the same vector, whichever writer printed it. */
  @Test
  void everyFloatReadsBackExactly() throws Exception {
    Random random = new Random(7);
    List<Float> vector = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      // unit-vector components, and any bit pattern that is a finite float
      float value =
          i % 2 == 0 ? (float) random.nextGaussian() / 20 : Float.intBitsToFloat(random.nextInt());
      vector.add(Float.isFinite(value) ? value : 0.5f);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("embedding", vector);

    JsonNode written = new ObjectMapper().readTree(json(ElasticsearchJson.mapper(), doc));

    for (int i = 0; i < vector.size(); i++) {
      float read = Float.parseFloat(written.get("embedding").get(i).asText());
      assertThat(Float.floatToIntBits(read))
          .as("component %d: %s", i, vector.get(i))
          .isEqualTo(Float.floatToIntBits(vector.get(i)));
    }
  }

  /** The client's own settings (no nulls written, for one) are kept. */
  @Test
  void writesRequestsAsTheClientsOwnMapperDoes() {
    SearchRequest request =
        SearchRequest.of(
            s ->
                s.index("memories")
                    .size(10)
                    .query(q -> q.match(m -> m.field("content").query("rounding error")))
                    .knn(k -> k.field("embedding").queryVector(0.25f, -0.125f).k(5)));

    assertThat(json(ElasticsearchJson.mapper(), request))
        .isEqualTo(json(new JacksonJsonpMapper(), request));
  }

  private static String json(JsonpMapper mapper, Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
      mapper.serialize(value, generator);
    }
    return out.toString();
  }
}
