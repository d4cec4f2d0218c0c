package dev.agentos.benchmarks.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexVariantTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode definition(String key) throws Exception {
    return JSON.readTree(IndexVariant.named(List.of(key)).get(0).definition());
  }

  private static JsonNode embedding(JsonNode definition) {
    return definition.path("mappings").path("properties").path("embedding");
  }

  @Test
  void todayIsTheProjectionsOwnMappingWithTheRefreshPausedAsInARebuild() throws Exception {
    JsonNode production =
        JSON.readTree(IndexVariant.class.getResourceAsStream("/elasticsearch/memories.json"));
    JsonNode today = definition("today");

    assertThat(today.path("mappings")).isEqualTo(production.path("mappings"));
    assertThat(today.path("settings").path("refresh_interval").asText()).isEqualTo("-1");
  }

  @Test
  void aGraphVariantChangesOnlyTheVectorsIndexOptions() throws Exception {
    JsonNode ef50 = embedding(definition("m8-ef50"));

    assertThat(ef50.path("index_options").path("type").asText()).isEqualTo("int8_hnsw");
    assertThat(ef50.path("index_options").path("m").asInt()).isEqualTo(8);
    assertThat(ef50.path("index_options").path("ef_construction").asInt()).isEqualTo(50);
    assertThat(ef50.path("dims").asInt()).isEqualTo(384);
  }

  @Test
  void aVectorNotIndexedCarriesNoSimilarityWhichElasticsearchWouldRefuse() throws Exception {
    JsonNode stored = embedding(definition("not-indexed"));

    assertThat(stored.path("index").asBoolean()).isFalse();
    assertThat(stored.has("similarity")).isFalse();
    assertThat(IndexVariant.named(List.of("not-indexed")).get(0).searchable()).isFalse();
  }

  @Test
  void anUnknownVariantIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> IndexVariant.named(List.of("hnsw-fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hnsw-fast")
        .hasMessageContaining("ef50");
  }
}
