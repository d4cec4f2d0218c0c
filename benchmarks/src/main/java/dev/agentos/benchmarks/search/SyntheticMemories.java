package dev.agentos.benchmarks.search;

import static dev.agentos.benchmarks.search.SearchLatencyBenchmark.PROJECT;
import static dev.agentos.benchmarks.search.SearchLatencyBenchmark.TENANT;

import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.search.MemoryDocuments;
import dev.agentos.projections.search.MemorySearchIndexWriter;
import dev.agentos.projections.search.SequencedMemoryEvent;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The memories {@code bench search} measures against: {@code embedded} distinct templated texts
 * embedded for real, the rest noisy copies of their vectors (embedding 100,000 texts would take
 * most of an hour here), written through the projection's own {@link MemorySearchIndexWriter}.
 */
final class SyntheticMemories {

  /** Spread of the Gaussian noise added to a copied vector before it is normalised again. */
  static final double NOISE = 0.03;

  static final int WRITE_BATCH = 1000;

  private final PrintStream out;
  private final int memories;
  private final int embedded;
  private final boolean forceMerge;

  SyntheticMemories(PrintStream out, int memories, int embedded, boolean forceMerge) {
    this.out = out;
    this.memories = memories;
    this.embedded = embedded;
    this.forceMerge = forceMerge;
  }

  void fill(BenchIndex index, MemoryEmbedder embedder) throws IOException {
    long started = System.nanoTime();
    List<String> texts = new ArrayList<>();
    for (int n = 0; n < embedded; n++) {
      texts.add(MemoryTemplates.memory(n));
    }
    List<float[]> real = embedder.embedMemories(texts);
    double embedSeconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "embedded %,d distinct memories for real in %.1f s (%.0f/s)%n",
        embedded, embedSeconds, embedded / embedSeconds);
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(index.client(), index.alias(), new MemoryDocuments(embedder));
    Random noise = new Random(42);
    started = System.nanoTime();
    for (int from = 0; from < memories; from += WRITE_BATCH) {
      List<SequencedMemoryEvent> batch = new ArrayList<>();
      for (int n = from; n < Math.min(memories, from + WRITE_BATCH); n++) {
        float[] vector = n < embedded ? real.get(n) : noisy(real.get(n % embedded), noise);
        batch.add(new SequencedMemoryEvent(stored(n, vector), 0));
      }
      writer.onMemoryEvents(batch);
    }
    index.refresh();
    double writeSeconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "wrote %,d memories through MemorySearchIndexWriter in %.1f s (%.0f/s)%n",
        memories, writeSeconds, memories / writeSeconds);
    if (forceMerge) {
      long merging = System.nanoTime();
      index.client().indices().forcemerge(f -> f.index(index.alias()).maxNumSegments(1L));
      out.printf("force-merged to one segment in %.1f s%n", (System.nanoTime() - merging) / 1e9);
    }
  }

  private static MemoryStored stored(int n, float[] vector) {
    return BenchIndex.stored(
        TENANT,
        PROJECT,
        "session-" + (n / 25),
        "mem-" + n,
        MemoryTemplates.type(n),
        List.of("bench", "tag-" + (n % 50)),
        MemoryTemplates.memory(n),
        MemoryEmbedder.MODEL_NAME,
        vector);
  }

  static float[] noisy(float[] vector, Random random) {
    float[] result = new float[vector.length];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      result[i] = (float) (vector[i] + random.nextGaussian() * NOISE);
      norm += result[i] * result[i];
    }
    double length = Math.sqrt(norm);
    for (int i = 0; i < result.length; i++) {
      result[i] /= (float) length;
    }
    return result;
  }
}
