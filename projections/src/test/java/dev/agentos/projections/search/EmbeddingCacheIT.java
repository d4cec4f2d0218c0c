package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.agentos.readmodels.search.IndexSetup;
import dev.agentos.readmodels.search.MemoryFields;
import dev.agentos.schemas.streams.StreamIds;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rebuild of the memory index (what a replay does: recreate it, write every event again) reuses
 * the vectors of the real BGE model from the embedding cache on the real Elasticsearch, and a
 * different model name does not.
 */
@ExtendWith(LocalStackExtension.class)
class EmbeddingCacheIT {

  private static final MemoryEmbedder EMBEDDER = new MemoryEmbedder();
  private static final MemoryStored TABS =
      MemoryEvents.stored("t1", "m-tabs", "c1", "The user prefers tabs over spaces.", "style");
  private static final MemoryStored CI =
      MemoryEvents.stored("t1", "m-ci", "c1", "CI runs the integration tests nightly.", "ci");
  private static final List<SequencedMemoryEvent> EVENTS =
      List.of(
          new SequencedMemoryEvent(TABS, 0),
          new SequencedMemoryEvent(CI, 0),
          new SequencedMemoryEvent(
              MemoryEvents.updated(TABS, "Tabs, never spaces, in Makefiles."), 1));

  private static TestIndex memories;
  private static String cacheIndex;

  /** Texts that reached the real model, and calls that did. */
  private final AtomicInteger texts = new AtomicInteger();

  private final AtomicInteger calls = new AtomicInteger();
  private final Function<List<String>, List<float[]>> countingEmbedder =
      batch -> {
        calls.incrementAndGet();
        texts.addAndGet(batch.size());
        return EMBEDDER.embedMemories(batch);
      };

  @BeforeAll
  static void createIndices(StackEndpoints stack) {
    memories = new TestIndex(stack, "it-embcache-memories");
    cacheIndex = "it-embeddings-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @BeforeEach
  void emptyCache() throws IOException {
    if (memories.client.indices().exists(e -> e.index(cacheIndex)).value()) {
      memories.client.indices().delete(d -> d.index(cacheIndex));
    }
  }

  @AfterAll
  static void dropIndices() throws IOException {
    if (memories != null) {
      memories.client.indices().delete(d -> d.index(cacheIndex).ignoreUnavailable(true));
      memories.close();
    }
  }

  @Test
  void aRebuildWithTheSameModelEmbedsNothingAndIndexesTheSameVectors() {
    build(MemoryEmbedder.MODEL_NAME);
    Map<String, Object> firstVectors = vectors();
    assertThat(texts).hasValue(3);

    texts.set(0);
    calls.set(0);
    build(MemoryEmbedder.MODEL_NAME);

    assertThat(calls).hasValue(0);
    assertThat(vectors()).isEqualTo(firstVectors).containsOnlyKeys("m-tabs", "m-ci");
    assertThat(firstVectors.get("m-tabs")).asList().hasSize(MemoryEmbedder.DIMENSIONS);
  }

  @Test
  void aRebuildWithAnotherModelNameEmbedsEveryTextAgain() {
    build(MemoryEmbedder.MODEL_NAME);
    texts.set(0);

    build("another-model");

    assertThat(texts).hasValue(3);
  }

  /** What a replay does: the memory index recreated empty, every event written again. */
  private void build(String model) {
    new IndexSetup(memories.client).recreate(memories.index, memories.alias);
    // A new store object each time, as after a restart: the vectors come from the index.
    EmbeddingCacheIndex cache = new EmbeddingCacheIndex(memories.client, cacheIndex).ensure();
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(
            memories.client,
            memories.alias,
            new MemoryDocuments(new EmbeddingCache(cache, model, countingEmbedder)));
    writer.onMemoryEvents(EVENTS);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, Object> vectors() {
    Map<String, Object> vectors = new HashMap<>();
    try {
      for (var item :
          memories
              .client
              .mget(
                  m ->
                      m.index(memories.alias)
                          .ids(StreamIds.of("t1", "m-tabs"), StreamIds.of("t1", "m-ci")),
                  Map.class)
              .docs()) {
        if (item.result().found()) {
          vectors.put(
              StreamIds.idOf(item.result().id()),
              item.result().source().get(MemoryFields.EMBEDDING));
        }
      }
      return vectors;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
