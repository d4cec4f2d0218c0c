package dev.agentos.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.benchmarks.search.MemoryTemplates;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./agentos bench search}'s load through the running stack: does a sustained search load
 * make Elasticsearch index memory documents? Every hit the query side returns is recorded as a read
 * ({@code MemoryAccessed}); the reads are counted beside the index, so the answer must be no. It
 * stores memories through the command side, waits until they are indexed and the index is quiet,
 * then searches through the query side ({@value #K} hits each) and reads the memory index's
 * indexing work ({@code _stats/indexing}: {@code index_total}, {@code index_time_in_millis}) before
 * and after the load, and again once the projections had {@value #SETTLE_SECONDS} s to apply the
 * reads. The baseline is the same figure before reads were counted beside the index: each hit then
 * re-indexed its memory's document, vector included.
 */
final class SearchIndexingLoad {

  static final int K = 20;
  static final int SETTLE_SECONDS = 20;
  private static final int STORE_BATCH = 100;
  private static final int STORE_CLIENTS = 2;
  private static final long INDEXED_WITHIN_NANOS = 600_000_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Elasticsearch's indexing work on one index so far. */
  record Indexing(long operations, long millis) {

    Indexing since(Indexing before) {
      return new Indexing(operations - before.operations, millis - before.millis);
    }
  }

  private final BenchTarget target;
  private final PrintStream out;
  private final String memoryIndex;
  private final int memories;
  private final int seconds;
  private final int clients;

  SearchIndexingLoad(
      BenchTarget target,
      PrintStream out,
      String memoryIndex,
      int memories,
      int seconds,
      int clients) {
    if (memories < 1 || seconds < 1 || clients < 1) {
      throw new IllegalArgumentException(
          "need --load-memories, --load-seconds and --load-clients of at least 1");
    }
    this.target = target;
    this.out = out;
    this.memoryIndex = memoryIndex;
    this.memories = memories;
    this.seconds = seconds;
    this.clients = clients;
  }

  void run() throws Exception {
    String context = "bench-reads-" + UUID.randomUUID();
    target.agent().commands().createContext(CreateContext.of(context, context));
    long started = System.nanoTime();
    store(context);
    awaitIndexed(context);
    out.printf(
        Locale.ROOT,
        "search load: %,d memories stored and indexed in %.0f s%n",
        memories,
        (System.nanoTime() - started) / 1e9);
    Indexing before = awaitQuiet();
    AtomicInteger searches = new AtomicInteger();
    AtomicLong hits = new AtomicLong();
    Measurement load = new Measurement("search (query side, k " + K + ")");
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    load.start();
    Concurrently.run(
        clients,
        client -> {
          for (int n = client; System.nanoTime() < deadline; n += clients) {
            long call = System.nanoTime();
            SearchResult answer = target.agent().queries().search(search(n, context));
            load.recordCall(call);
            searches.incrementAndGet();
            hits.addAndGet(answer.hits().size());
          }
        });
    load.finish(searches.get());
    Indexing duringLoad = indexing().since(before);
    Thread.sleep(SETTLE_SECONDS * 1_000L);
    Indexing settled = indexing().since(before);
    out.println(load.report("searches", "search"));
    out.printf(
        Locale.ROOT,
        "%,d searches returned %,d hits, each recorded as a read (MemoryAccessed)%n",
        searches.get(),
        hits.get());
    out.printf(
        Locale.ROOT,
        "memory index %s, indexing work: during the load %,d index operations (%,d ms);"
            + " with %d s after it %,d (%,d ms); %.3f per hit returned%n",
        memoryIndex,
        duringLoad.operations(),
        duringLoad.millis(),
        SETTLE_SECONDS,
        settled.operations(),
        settled.millis(),
        hits.get() == 0 ? 0.0 : (double) settled.operations() / hits.get());
    out.printf(
        Locale.ROOT,
        "reads counted beside the index: the most read memory of the context shows accessCount"
            + " %d%n",
        mostRead(context));
  }

  /** Memories from the latency benchmark's templates, in batches through the command side. */
  private void store(String context) throws Exception {
    int requests = (memories + STORE_BATCH - 1) / STORE_BATCH;
    AtomicInteger next = new AtomicInteger();
    Concurrently.run(
        STORE_CLIENTS,
        client -> {
          for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
            List<StoreMemory> batch = new ArrayList<>();
            for (int n = r * STORE_BATCH; n < Math.min(memories, (r + 1) * STORE_BATCH); n++) {
              batch.add(
                  StoreMemory.of(
                          context,
                          MemoryType.valueOf(MemoryTemplates.type(n)),
                          MemoryTemplates.memory(n))
                      .withTags(List.of("bench")));
            }
            target.agent().commands().storeMemories(batch);
          }
        });
  }

  private void awaitIndexed(String context) throws Exception {
    long started = System.nanoTime();
    String query =
        JSON.writeValueAsString(Map.of("query", Map.of("term", Map.of("context_id", context))));
    while (elasticsearch("POST", "/_count", query).get("count").asLong() < memories) {
      if (System.nanoTime() - started > INDEXED_WITHIN_NANOS) {
        throw new IllegalStateException("the memories were not all indexed within 10 minutes");
      }
      Thread.sleep(1_000);
    }
  }

  /** The indexing work once it has stopped growing for three seconds: the writes are all done. */
  private Indexing awaitQuiet() throws Exception {
    Indexing last = indexing();
    int quietSeconds = 0;
    while (quietSeconds < 3) {
      Thread.sleep(1_000);
      Indexing now = indexing();
      quietSeconds = now.operations() == last.operations() ? quietSeconds + 1 : 0;
      last = now;
    }
    return last;
  }

  private Indexing indexing() throws Exception {
    JsonNode indexing = elasticsearch("GET", "/_stats/indexing", null).path("_all").path("total");
    return new Indexing(
        indexing.path("indexing").path("index_total").asLong(),
        indexing.path("indexing").path("index_time_in_millis").asLong());
  }

  private long mostRead(String context) {
    return target.agent().queries().search(search(0, context)).hits().stream()
        .map(hit -> hit.memory().accessCount())
        .filter(count -> count != null)
        .mapToLong(Long::longValue)
        .max()
        .orElse(0);
  }

  private static Search search(long n, String context) {
    return Search.builder(MemoryTemplates.question(n)).k(K).contextId(context).build();
  }

  /** A call on the memory index, which is not behind the API's keys. */
  private JsonNode elasticsearch(String method, String path, String body)
      throws IOException, InterruptedException {
    String url =
        target.stack().elasticsearchUrl()
            + "/"
            + URLEncoder.encode(memoryIndex, StandardCharsets.UTF_8)
            + path;
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Elasticsearch answered " + response.statusCode() + " to " + method + " " + url);
    }
    return JSON.readTree(response.body());
  }
}
