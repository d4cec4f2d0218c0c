package dev.agentos.benchmarks.search;

import static dev.agentos.benchmarks.search.RetrievalBenchmark.PROJECT;

import dev.agentos.benchmarks.search.RetrievalBenchmark.Vectors;
import dev.agentos.benchmarks.search.RetrievalSet.Memory;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.search.MemoryDocuments;
import dev.agentos.projections.search.MemorySearchIndexWriter;
import dev.agentos.projections.search.SequencedMemoryEvent;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes the labelled set into a bench index through the projection's own writer, each memory once
 * under a tenant per {@link Vectors} variant: its own text's vector, its text joined with the
 * neighbouring turns, the mix of both, and the mix with the previous turn only (what a writer could
 * compute when the memory arrives, without waiting for the turn after it).
 */
final class LabelledSetIndex {

  /** The id prefix of a generated distractor: never one of the labelled set's ids. */
  static final String DISTRACTOR = "distractor-";

  /** Turns per generated session: a distractor's neighbours are the turns of its own. */
  static final int DISTRACTOR_SESSION = 25;

  private LabelledSetIndex() {}

  static void write(BenchIndex index, RetrievalSet set, MemoryEmbedder embedder) {
    List<Memory> memories = set.memories();
    Texts texts =
        new Texts(
            memories.stream().map(Memory::content).toList(),
            memories.stream().map(m -> set.withNeighbours(m, 1)).toList(),
            memories.stream().map(m -> set.withNeighbours(m, 1, 0)).toList());
    VariantVectors vectors = texts.embed(embedder);
    List<SequencedMemoryEvent> events = new ArrayList<>();
    for (int i = 0; i < memories.size(); i++) {
      Memory m = memories.get(i);
      for (Vectors variant : Vectors.values()) {
        // The plain variant goes through the writer's own embedding, as in production.
        float[] vector = variant == Vectors.PLAIN ? null : vectors.of(variant, i);
        events.add(new SequencedMemoryEvent(stored(variant, m, vector), 0));
      }
    }
    writeAll(index, embedder, events);
  }

  /**
   * Adds {@code count} generated memories ({@link MemoryTemplates}: errors, decisions, facts and
   * preferences of the same kinds and vocabulary, identifiers like {@code 40P01} included), each
   * embedded for real, under every variant's tenant: the labelled answers then have to be found
   * among them, as in a project with a long history. None of them is labelled as an answer. They
   * come in sessions of {@value #DISTRACTOR_SESSION} whose neighbouring turns each variant embeds
   * as it does the labelled set's, so that no variant favours the labelled memories.
   *
   * @return how many documents were written
   */
  static int addDistractors(BenchIndex index, MemoryEmbedder embedder, int count) {
    List<String> own = IntStream.range(0, count).mapToObj(MemoryTemplates::memory).toList();
    Texts texts =
        new Texts(
            own,
            IntStream.range(0, count).mapToObj(n -> inSession(own, n, 1, 1)).toList(),
            IntStream.range(0, count).mapToObj(n -> inSession(own, n, 1, 0)).toList());
    VariantVectors vectors = texts.embed(embedder);
    List<SequencedMemoryEvent> events = new ArrayList<>();
    for (Vectors variant : Vectors.values()) {
      for (int n = 0; n < count; n++) {
        events.add(
            new SequencedMemoryEvent(
                BenchIndex.stored(
                    variant.tenant(),
                    PROJECT,
                    "distractors-" + (n / DISTRACTOR_SESSION),
                    variant.documentId(DISTRACTOR + n),
                    MemoryTemplates.type(n),
                    List.of("generated"),
                    own.get(n),
                    MemoryEmbedder.MODEL_NAME,
                    vectors.of(variant, n)),
                0));
      }
    }
    writeAll(index, embedder, events);
    return events.size();
  }

  /** Distractor {@code n}'s text with up to {@code before} / {@code after} turns of its session. */
  static String inSession(List<String> texts, int n, int before, int after) {
    int first = Math.max(n - before, n / DISTRACTOR_SESSION * DISTRACTOR_SESSION);
    int last =
        Math.min(
            n + after,
            Math.min(texts.size(), (n / DISTRACTOR_SESSION + 1) * DISTRACTOR_SESSION) - 1);
    return String.join("\n", texts.subList(first, last + 1));
  }

  /** A memory's own text, with a turn either side, and with the turn before it. */
  private record Texts(List<String> own, List<String> around, List<String> before) {
    VariantVectors embed(MemoryEmbedder embedder) {
      return new VariantVectors(
          embedder.embedMemories(own),
          embedder.embedMemories(around),
          embedder.embedMemories(before));
    }
  }

  private record VariantVectors(List<float[]> own, List<float[]> around, List<float[]> before) {
    float[] of(Vectors variant, int i) {
      return switch (variant) {
        case PLAIN -> own.get(i);
        case NEIGHBOURS -> around.get(i);
        case MIXED -> NeighbourVectors.mix(own.get(i), around.get(i), 0.5);
        case MIXED_PREVIOUS -> NeighbourVectors.mix(own.get(i), before.get(i), 0.5);
      };
    }
  }

  private static void writeAll(
      BenchIndex index, MemoryEmbedder embedder, List<SequencedMemoryEvent> events) {
    MemorySearchIndexWriter writer =
        new MemorySearchIndexWriter(index.client(), index.alias(), new MemoryDocuments(embedder));
    for (int from = 0; from < events.size(); from += 500) {
      writer.onMemoryEvents(events.subList(from, Math.min(events.size(), from + 500)));
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
