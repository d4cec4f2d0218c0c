package dev.agentos.benchmarks.search;

import static dev.agentos.benchmarks.search.RetrievalBenchmark.PROJECT;

import dev.agentos.benchmarks.search.RetrievalBenchmark.Vectors;
import dev.agentos.benchmarks.search.RetrievalSet.Memory;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.embedding.MemoryEmbedder;
import dev.agentos.projections.memory.search.MemoryDocuments;
import dev.agentos.projections.memory.search.MemorySearchIndexWriter;
import dev.agentos.projections.memory.search.SequencedMemoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the labelled set into a bench index through the projection's own writer, each memory once
 * under a tenant per {@link Vectors} variant: its own text's vector, its text joined with the
 * neighbouring turns, the mix of both, and the mix with the previous turn only (what a writer could
 * compute when the memory arrives, without waiting for the turn after it).
 */
final class LabelledSetIndex {

  private LabelledSetIndex() {}

  static void write(BenchIndex index, RetrievalSet set, MemoryEmbedder embedder) {
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(index.client(), index.alias(), new MemoryDocuments(embedder));
    List<float[]> withNeighbours =
        embedder.embedMemories(set.memories().stream().map(m -> set.withNeighbours(m, 1)).toList());
    List<float[]> withPrevious =
        embedder.embedMemories(
            set.memories().stream().map(m -> set.withNeighbours(m, 1, 0)).toList());
    List<float[]> alone =
        embedder.embedMemories(set.memories().stream().map(Memory::content).toList());
    List<SequencedMemoryEvent> events = new ArrayList<>();
    for (int i = 0; i < set.memories().size(); i++) {
      Memory m = set.memories().get(i);
      events.add(new SequencedMemoryEvent(stored(Vectors.PLAIN, m, null), 0));
      events.add(new SequencedMemoryEvent(stored(Vectors.NEIGHBOURS, m, withNeighbours.get(i)), 0));
      events.add(
          new SequencedMemoryEvent(
              stored(
                  Vectors.MIXED, m, NeighbourVectors.mix(alone.get(i), withNeighbours.get(i), 0.5)),
              0));
      events.add(
          new SequencedMemoryEvent(
              stored(
                  Vectors.MIXED_PREVIOUS,
                  m,
                  NeighbourVectors.mix(alone.get(i), withPrevious.get(i), 0.5)),
              0));
    }
    for (int from = 0; from < events.size(); from += 100) {
      writer.onMemoryEvents(events.subList(from, Math.min(events.size(), from + 100)));
    }
    try {
      index.refresh();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static MemoryStored stored(Vectors vectors, Memory m, float[] vector) {
    return BenchIndex.stored(
        vectors.tenant(),
        PROJECT,
        m.sessionId(),
        vectors.documentId(m.id()),
        m.type(),
        m.tags(),
        m.content(),
        MemoryEmbedder.MODEL_NAME,
        vector);
  }
}
