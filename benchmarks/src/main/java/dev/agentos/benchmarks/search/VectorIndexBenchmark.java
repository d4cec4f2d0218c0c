package dev.agentos.benchmarks.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./agentos bench vectors}: what each way of indexing the memory vector costs Elasticsearch
 * in a rebuild, and what the cheaper graphs lose in recall.
 *
 * <p>Ceiling: the stack's own memory documents (read from {@code source}, vectors included; never
 * written) bulk-loaded into a fresh index per {@link IndexVariant} as a replay writes them, so the
 * documents/s is the most a {@code memory-search} rebuild can reach on this machine whatever the
 * projection does. Today's mapping is measured first and again last, to show the drift of a shared
 * machine. Recall: per searchable variant, the {@link RecallCorpus} loaded the same way and
 * production's kNN ({@link ProductionKnn}) against the exact answer ({@link KnnRecall}). Every
 * index has a random name and is deleted at the end.
 */
public final class VectorIndexBenchmark {

  private final Path home;
  private final PrintStream out;
  private final String source;
  private final int documents;
  private final int corpus;
  private final int queries;
  private final int clients;
  private final int bulkSize;
  private final int rounds;
  private final List<IndexVariant> variants;
  private final Path vectorCache;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  public VectorIndexBenchmark(
      Path home,
      PrintStream out,
      String source,
      int documents,
      int corpus,
      int queries,
      int clients,
      int bulkSize,
      int rounds,
      List<String> variants,
      Path vectorCache) {
    if (documents < 0 || corpus < 0 || queries < 1 || clients < 1 || bulkSize < 1 || rounds < 1) {
      throw new IllegalArgumentException(
          "need --documents >= 0, --corpus >= 0, --queries >= 1, --clients >= 1, --bulk >= 1,"
              + " --rounds >= 1");
    }
    this.home = home;
    this.out = out;
    this.source = source;
    this.documents = documents;
    this.corpus = corpus;
    this.queries = queries;
    this.clients = clients;
    this.bulkSize = bulkSize;
    this.rounds = rounds;
    this.variants = IndexVariant.named(variants);
    this.vectorCache = vectorCache;
  }

  public void run() throws Exception {
    RestClientTransport transport = BenchIndex.transport(BenchIndex.elasticsearchUrl(home));
    try {
      ElasticsearchClient client = new ElasticsearchClient(transport);
      VariantLoad loader = new VariantLoad(transport, clients, bulkSize);
      if (documents > 0) {
        ceiling(client, loader);
      }
      if (corpus > 0) {
        recall(client, loader);
      }
    } finally {
      transport.close();
    }
  }

  private void ceiling(ElasticsearchClient client, VariantLoad loader) throws Exception {
    List<Map<String, Object>> docs = sourceDocuments(client);
    long withVector = docs.stream().filter(d -> d.get("embedding") != null).count();
    List<Map<String, Object>> withoutVectors =
        docs.stream().map(VectorIndexBenchmark::noVector).toList();
    out.printf(
        "%nceiling: %,d documents of %s (%,d with a vector), %d clients, bulks of %d, refresh"
            + " paused%n",
        docs.size(), source, withVector, clients, bulkSize);
    List<IndexVariant> rows = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      rows.addAll(variants);
    }
    if (rows.get(0).key().equals("today") && variants.size() > 1) {
      rows.add(rows.get(0)); // again at the end: the drift of a shared machine over the run
    }
    List<String> table = new ArrayList<>();
    table.add(
        "| variant | docs/s | ES CPU/doc µs | net of ES background | index thread time/doc µs |"
            + " segments | ES background CPU ms/s | load |");
    table.add("|---|---|---|---|---|---|---|---|");
    for (IndexVariant variant : rows) {
      String index = "bench-vectors-" + run + "-ceiling-" + variant.key();
      try {
        loader.create(index, variant);
        VariantLoad.Result r = loader.load(index, variant.vectors() ? docs : withoutVectors);
        table.add(loadRow(variant, r));
        out.println(table.get(table.size() - 1));
      } catch (Exception e) {
        table.add("| " + variant.description() + " | refused: " + e.getMessage() + " |");
        out.println(table.get(table.size() - 1));
      } finally {
        delete(client, index);
      }
    }
    out.printf(
        "%nceiling, %d round(s) of the variants in order (today's mapping first, and again last)%n",
        rounds);
    table.forEach(out::println);
  }

  private void recall(ElasticsearchClient client, VariantLoad loader) throws Exception {
    RecallCorpus corpus =
        RecallCorpus.build(this.corpus, queries, new MemoryEmbedder(), vectorCache, out);
    long started = System.nanoTime();
    List<List<String>> exact =
        KnnRecall.exact(corpus.ids(), corpus.vectors(), corpus.queryVectors());
    out.printf(
        "exact answers (cosine of every float vector) for %d queries in %.1f s%n",
        exact.size(), (System.nanoTime() - started) / 1e9);
    List<String> table = new ArrayList<>();
    table.add(
        "| variant | recall@10 (k 10) | recall@10 (k 50) | recall@50 (k 50) | kNN k 10 p50/p99 ms"
            + " | kNN k 50 p50/p99 ms | docs/s | ES CPU/doc µs | index thread time/doc µs | segments"
            + " | load |");
    table.add("|---|---|---|---|---|---|---|---|---|---|---|");
    for (IndexVariant variant : variants) {
      if (!variant.searchable()) {
        continue;
      }
      String index = "bench-vectors-" + run + "-recall-" + variant.key();
      try {
        loader.create(index, variant);
        VariantLoad.Result load = loader.load(index, corpus.documents());
        ProductionKnn knn =
            new ProductionKnn(client, index, RecallCorpus.TENANT, RecallCorpus.PROJECT);
        KnnRecall.Result r = KnnRecall.measure(knn, corpus.queryVectors(), exact);
        table.add(
            String.format(
                Locale.ROOT,
                "| %s | %.4f | %.4f | %.4f | %.1f / %.1f | %.1f / %.1f | %,.0f | %,.0f | %,.0f | %d |"
                    + " %.1f |",
                variant.description(),
                r.recallAt10(),
                r.recallAt10OfWindow(),
                r.recallAt50(),
                r.top10Latency().getValueAtPercentile(50) / 1000.0,
                r.top10Latency().getValueAtPercentile(99) / 1000.0,
                r.windowLatency().getValueAtPercentile(50) / 1000.0,
                r.windowLatency().getValueAtPercentile(99) / 1000.0,
                load.docsPerSecond(),
                load.microsPerDoc(),
                load.threadMicrosPerDoc(),
                load.segments(),
                load.loadAverage()));
        out.println(table.get(table.size() - 1));
      } catch (Exception e) {
        table.add("| " + variant.description() + " | refused: " + e.getMessage() + " |");
        out.println(table.get(table.size() - 1));
      } finally {
        delete(client, index);
      }
    }
    out.printf(
        "%nrecall of production's kNN (filters, k, num_candidates max(100, 10k)) against the exact"
            + " answer, %,d memories, %d queries%n",
        corpus.documents().size(), corpus.queries().size());
    table.forEach(out::println);
  }

  private static String loadRow(IndexVariant variant, VariantLoad.Result r) {
    return String.format(
        Locale.ROOT,
        "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %d | %.0f | %.1f |",
        variant.description(),
        r.docsPerSecond(),
        r.microsPerDoc(),
        r.netMicrosPerDoc(),
        r.threadMicrosPerDoc(),
        r.segments(),
        r.idleCpuMillisPerSecond(),
        r.loadAverage());
  }

  /**
   * Up to {@code documents} sources of the {@code source} index, vectors as float arrays (a tenth
   * of the memory of boxed numbers), read page by page in {@code memory_id} order.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private List<Map<String, Object>> sourceDocuments(ElasticsearchClient client) throws Exception {
    List<Map<String, Object>> docs = new ArrayList<>();
    List<FieldValue> after = null;
    while (docs.size() < documents) {
      List<FieldValue> from = after;
      int page = Math.min(1000, documents - docs.size());
      SearchResponse<Map> response =
          client.search(
              s -> {
                s.index(source)
                    .size(page)
                    .sort(o -> o.field(f -> f.field("memory_id").order(SortOrder.Asc)));
                return from == null ? s : s.searchAfter(from);
              },
              Map.class);
      List<Hit<Map>> hits = response.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      for (Hit<Map> hit : hits) {
        Map<String, Object> doc = new LinkedHashMap<>(hit.source());
        if (doc.get("embedding") instanceof List<?> values) {
          float[] vector = new float[values.size()];
          for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) values.get(i)).floatValue();
          }
          doc.put("embedding", vector);
        }
        docs.add(doc);
      }
      after = hits.get(hits.size() - 1).sort();
    }
    if (docs.isEmpty()) {
      throw new IllegalStateException(source + " holds no documents to load");
    }
    return docs;
  }

  private static Map<String, Object> noVector(Map<String, Object> doc) {
    Map<String, Object> copy = new LinkedHashMap<>(doc);
    copy.remove("embedding");
    copy.remove("embedding_model");
    copy.remove("vector_key");
    return copy;
  }

  private static void delete(ElasticsearchClient client, String index) {
    try {
      if (client.indices().exists(e -> e.index(index)).value()) {
        client.indices().delete(d -> d.index(index));
      }
    } catch (Exception e) {
      System.err.println("could not delete " + index + ": " + e.getMessage());
    }
  }
}
