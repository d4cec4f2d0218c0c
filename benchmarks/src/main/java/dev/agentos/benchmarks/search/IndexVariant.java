package dev.agentos.benchmarks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One way to map the memory index's {@code embedding} field, for {@code bench vectors}: the
 * projection's own {@code memories.json} with only that field changed and the refresh paused, as a
 * rebuild runs. {@code indexOptions} null keeps the definition's field as it is (today's graph).
 */
record IndexVariant(
    String key, String description, String indexOptions, boolean indexed, boolean vectors) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFINITION = "/elasticsearch/memories.json";

  static final List<IndexVariant> ALL =
      List.of(
          new IndexVariant("today", "memories.json as it is (today)", null, true, true),
          graph(
              "ef100",
              "int8_hnsw m 16, ef_construction 100 (until 2026-11-25)",
              "int8_hnsw",
              16,
              100),
          graph("ef50", "int8_hnsw m 16, ef_construction 50", "int8_hnsw", 16, 50),
          graph("m8-ef50", "int8_hnsw m 8, ef_construction 50", "int8_hnsw", 8, 50),
          graph("int4", "int4_hnsw m 16, ef_construction 100", "int4_hnsw", 16, 100),
          new IndexVariant(
              "bbq",
              "bbq_hnsw m 16, ef_construction 100, rescore x3",
              "{\"type\":\"bbq_hnsw\",\"rescore_vector\":{\"oversample\":3}}",
              true,
              true),
          new IndexVariant(
              "ef50-rescore",
              "int8_hnsw m 16, ef_construction 50, rescore x3",
              "{\"type\":\"int8_hnsw\",\"m\":16,\"ef_construction\":50,"
                  + "\"rescore_vector\":{\"oversample\":3}}",
              true,
              true),
          new IndexVariant(
              "ef50-rescore2",
              "int8_hnsw m 16, ef_construction 50, rescore x2",
              "{\"type\":\"int8_hnsw\",\"m\":16,\"ef_construction\":50,"
                  + "\"rescore_vector\":{\"oversample\":2}}",
              true,
              true),
          new IndexVariant(
              "int8-flat", "int8_flat (no graph)", "{\"type\":\"int8_flat\"}", true, true),
          new IndexVariant("not-indexed", "vector stored, index: false", null, false, true),
          new IndexVariant("no-vector", "no vector in the documents", null, true, false));

  private static final Map<String, IndexVariant> BY_KEY =
      ALL.stream().collect(Collectors.toMap(IndexVariant::key, Function.identity()));

  private static IndexVariant graph(
      String key, String description, String type, int m, int efConstruction) {
    return new IndexVariant(
        key,
        description,
        String.format("{\"type\":\"%s\",\"m\":%d,\"ef_construction\":%d}", type, m, efConstruction),
        true,
        true);
  }

  /** The variants named by {@code keys}, in that order. */
  static List<IndexVariant> named(List<String> keys) {
    return keys.stream()
        .map(
            key -> {
              IndexVariant variant = BY_KEY.get(key);
              if (variant == null) {
                throw new IllegalArgumentException(
                    "unknown vector variant '"
                        + key
                        + "'; known: "
                        + Arrays.toString(ALL.stream().map(IndexVariant::key).toArray()));
              }
              return variant;
            })
        .toList();
  }

  /** Whether kNN searches can run on it: a vector indexed, graph or flat. */
  boolean searchable() {
    return indexed && vectors;
  }

  /** The index definition: {@code memories.json}, refresh paused, this variant's vector field. */
  String definition() {
    try (InputStream in = IndexVariant.class.getResourceAsStream(DEFINITION)) {
      ObjectNode definition = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) definition.get("settings")).put("refresh_interval", "-1");
      ObjectNode embedding =
          (ObjectNode) definition.path("mappings").path("properties").get("embedding");
      if (!indexed) {
        // Elasticsearch refuses a similarity on a vector that is not indexed
        embedding.put("index", false).remove("similarity");
      } else if (indexOptions != null) {
        embedding.set("index_options", JSON.readTree(indexOptions));
      }
      return definition.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFINITION, e);
    }
  }
}
