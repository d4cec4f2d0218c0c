package dev.agentos.benchmarks.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.benchmarks.Concurrently;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * Bulk-loads documents into a fresh index of one {@link IndexVariant} as a rebuild writes them
 * (refresh paused, a few client threads), and measures until they are all refreshed and no merge
 * runs: documents/s and Elasticsearch's CPU per document. CPU comes from the node's own {@code
 * _nodes/stats/process} counter, so it also counts what other clients make the node do; the node's
 * rate just before the load is reported with it, and subtracted in {@link Result#netMicrosPerDoc}.
 */
final class VariantLoad {

  /** How long the node's background CPU is sampled before each load. */
  private static final long IDLE_SAMPLE_MS = 2_000;

  private static final long MERGE_WAIT_MS = 10 * 60 * 1000;

  record Result(
      int documents,
      double seconds,
      double settledSeconds,
      long cpuMillis,
      double idleCpuMillisPerSecond,
      long segments,
      long indexThreadMillis,
      double loadAverage) {

    double docsPerSecond() {
      return documents / seconds;
    }

    double microsPerDoc() {
      return cpuMillis * 1000.0 / documents;
    }

    /**
     * This index's own thread time per document (indexing, refresh, flush, merge): unlike the
     * node's CPU, it does not count other clients' work, but it counts waits for a busy core.
     */
    double threadMicrosPerDoc() {
      return indexThreadMillis * 1000.0 / documents;
    }

    /** CPU per document less what the node spent at its rate before the load, over as long. */
    double netMicrosPerDoc() {
      return Math.max(0, cpuMillis - idleCpuMillisPerSecond * settledSeconds) * 1000.0 / documents;
    }
  }

  private final ElasticsearchClient client;
  private final RestClient restClient;
  private final int clients;
  private final int bulkSize;

  VariantLoad(RestClientTransport transport, int clients, int bulkSize) {
    this.client = new ElasticsearchClient(transport);
    this.restClient = transport.restClient();
    this.clients = clients;
    this.bulkSize = bulkSize;
  }

  /** Creates {@code index} as {@code variant} defines it; Elasticsearch refusing it throws. */
  void create(String index, IndexVariant variant) throws IOException {
    // the low-level client: the typed one cannot parse every option 8.19 takes (rescore_vector)
    Request create = new Request("PUT", "/" + index);
    create.setJsonEntity(variant.definition());
    restClient.performRequest(create);
  }

  /**
   * Loads {@code documents} (ids from {@code tenant_id} and {@code memory_id}) into {@code index},
   * measured.
   */
  Result load(String index, List<Map<String, Object>> documents) throws Exception {
    long idleFrom = cpuMillis();
    long idleStarted = System.nanoTime();
    Thread.sleep(IDLE_SAMPLE_MS);
    double idleRate = (cpuMillis() - idleFrom) / ((System.nanoTime() - idleStarted) / 1e9);
    long cpuBefore = cpuMillis();
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    int batches = (documents.size() + bulkSize - 1) / bulkSize;
    Concurrently.run(
        clients,
        c -> {
          for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
            bulk(
                index,
                documents.subList(b * bulkSize, Math.min(documents.size(), (b + 1) * bulkSize)));
          }
        });
    client.indices().refresh(r -> r.index(index));
    double seconds = (System.nanoTime() - started) / 1e9;
    awaitMerges(index);
    double settled = (System.nanoTime() - started) / 1e9;
    long cpu = cpuMillis() - cpuBefore;
    long count = client.count(c -> c.index(index)).count();
    if (count != documents.size()) {
      throw new IllegalStateException(
          index + " holds " + count + " documents after the load, not " + documents.size());
    }
    return new Result(
        documents.size(),
        seconds,
        settled,
        cpu,
        idleRate,
        segments(index),
        threadMillis(index),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private void bulk(String index, List<Map<String, Object>> batch) throws IOException {
    BulkResponse response =
        client.bulk(
            b -> {
              b.index(index);
              for (Map<String, Object> doc : batch) {
                // The projection's document id: the memory's id within its tenant.
                String id =
                    StreamIds.of(
                        String.valueOf(doc.get("tenant_id")), String.valueOf(doc.get("memory_id")));
                b.operations(o -> o.index(i -> i.id(id).document(doc)));
              }
              return b;
            });
    if (response.errors()) {
      BulkResponseItem failed =
          response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
      throw new IllegalStateException(
          "bulk into "
              + index
              + " refused document "
              + failed.id()
              + ": "
              + failed.error().type()
              + ": "
              + failed.error().reason());
    }
  }

  /** The node's CPU time so far (all nodes' summed: the dev stack runs one). */
  long cpuMillis() throws IOException {
    return client.nodes().stats(s -> s.metric("process")).nodes().values().stream()
        .mapToLong(n -> n.process().cpu().totalInMillis())
        .sum();
  }

  private void awaitMerges(String index) throws Exception {
    long deadline = System.currentTimeMillis() + MERGE_WAIT_MS;
    while (System.currentTimeMillis() < deadline) {
      Long running =
          client
              .indices()
              .stats(s -> s.index(index).metric("merge"))
              .all()
              .primaries()
              .merges()
              .current();
      if (running == null || running == 0) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(index + " still merging after " + MERGE_WAIT_MS / 1000 + " s");
  }

  /** Time this index's threads spent indexing, refreshing, flushing and merging. */
  private long threadMillis(String index) throws IOException {
    var stats =
        client
            .indices()
            .stats(s -> s.index(index).metric("indexing", "refresh", "flush", "merge"))
            .all()
            .primaries();
    return stats.indexing().indexTimeInMillis()
        + stats.refresh().totalTimeInMillis()
        + stats.flush().totalTimeInMillis()
        + stats.merges().totalTimeInMillis();
  }

  long segments(String index) throws IOException {
    return BenchIndex.segments(client, index);
  }
}
