package dev.agentos.benchmarks.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.readmodels.elasticsearch.ElasticsearchJson;
import dev.agentos.readmodels.search.IndexSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * A fresh memory index on the running stack's Elasticsearch, created from the projection's own
 * definition under a random name, and deleted on close so runs never collide or leave data behind.
 */
public final class BenchIndex implements AutoCloseable {

  private static final int FORCE_MERGE_TIMEOUT_MS = 30 * 60 * 1000;

  private final RestClientTransport transport;
  private final ElasticsearchClient client;
  private final String index;
  private final String alias;

  /** Whether close deletes the index: not one this run found already there, nor one asked kept. */
  private boolean delete = true;

  private BenchIndex(String elasticsearchUrl, String prefix) {
    transport = transport(elasticsearchUrl);
    client = new ElasticsearchClient(transport);
    alias = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    index = alias + "-v1";
    new IndexSetup(client).ensure(index, alias);
  }

  static RestClientTransport transport(String elasticsearchUrl) {
    return new RestClientTransport(
        RestClient.builder(HttpHost.create(elasticsearchUrl))
            // a force merge of 100,000 vectors runs for minutes; the default 30 s gives up
            .setRequestConfigCallback(config -> config.setSocketTimeout(FORCE_MERGE_TIMEOUT_MS))
            .build(),
        ElasticsearchJson.mapper());
  }

  /** Creates the index on the Elasticsearch of the stack whose files are in {@code home}. */
  public static BenchIndex create(Path home, String prefix) throws IOException {
    return new BenchIndex(elasticsearchUrl(home), prefix);
  }

  /**
   * The index a run kept ({@link #keep}) under {@code alias}, to measure again without writing
   * 100,000 memories again (minutes); left in place at the end as found.
   */
  public static BenchIndex reuse(Path home, String alias) throws IOException {
    return new BenchIndex(elasticsearchUrl(home), alias, true);
  }

  private BenchIndex(String elasticsearchUrl, String existingAlias, boolean reused) {
    transport = transport(elasticsearchUrl);
    client = new ElasticsearchClient(transport);
    alias = existingAlias;
    index = alias + "-v1";
    delete = false;
    try {
      if (!client.indices().exists(e -> e.index(index)).value()) {
        throw new IllegalArgumentException(
            "no index " + index + " to reuse: keep one with --keep-index first");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch at " + elasticsearchUrl + " unreachable", e);
    }
  }

  /** Leaves the index in place at the end, for a later run to {@link #reuse}. */
  public void keep() {
    delete = false;
  }

  static String elasticsearchUrl(Path home) throws IOException {
    Path file = home.resolve(LocalStack.PROPERTIES_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no stack at " + home + ": run ./agentos up first");
    }
    return StackEndpoints.read(file).elasticsearchUrl();
  }

  public ElasticsearchClient client() {
    return client;
  }

  public String alias() {
    return alias;
  }

  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(index));
  }

  public long count() throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  public long segments() throws IOException {
    return segments(client, index);
  }

  /** The searchable segments of {@code index}'s shards. */
  static long segments(ElasticsearchClient client, String index) throws IOException {
    return client
        .indices()
        .segments(s -> s.index(index))
        .indices()
        .get(index)
        .shards()
        .values()
        .stream()
        .flatMap(List::stream)
        .mapToLong(shard -> shard.numSearchSegments())
        .sum();
  }

  /**
   * A MemoryStored event as the command side writes it; {@code vector} null lets the writer embed.
   */
  static MemoryStored stored(
      String tenant,
      String project,
      String session,
      String memoryId,
      String type,
      List<String> tags,
      String content,
      String model,
      float[] vector) {
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now())
            .setTenantId(tenant)
            .setProjectId(project)
            .setAgentId("bench-agent")
            .setSessionId(session)
            .setSource("agentos-benchmarks")
            .build();
    MemoryStored.Builder event =
        MemoryStored.newBuilder()
            .setHeader(header)
            .setMemoryId(memoryId)
            .setContextId(session)
            .setType(MemoryType.valueOf(type))
            .setContent(content)
            .setContentHash("sha256:" + Integer.toHexString(content.hashCode()))
            .setTags(new ArrayList<>(tags))
            .setMetadata(Map.of())
            .setConfidence(0.9f);
    if (vector != null) {
      List<Float> values = new ArrayList<>(vector.length);
      for (float value : vector) {
        values.add(value);
      }
      event.setEmbedding(MemoryEmbedding.newBuilder().setModel(model).setVector(values).build());
    }
    return event.build();
  }

  @Override
  public void close() throws IOException {
    try {
      if (delete) {
        client.indices().delete(d -> d.index(index));
      }
    } finally {
      transport.close();
    }
  }
}
