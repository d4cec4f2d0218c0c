package dev.agentos.benchmarks.search;

import dev.agentos.benchmarks.search.RetrievalSet.Memory;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.projections.search.MemoryDocuments;
import dev.agentos.readmodels.embedding.MemoryEmbedder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The corpus {@code bench vectors} measures recall on: real text embedded for real by production's
 * model, never noisy copies (which would make neighbourhoods artificially easy or hard). The
 * labelled set's memories first, then distinct {@link MemoryTemplates} memories up to {@code size};
 * the queries are the labelled set's questions, then templated questions. The stack's own memory
 * index does not serve here: its documents are almost all one benchmark sentence with a number.
 *
 * <p>Embedding 50,000 texts takes minutes of both cores, so the vectors are kept in a file and
 * reused when its texts and model are the same.
 */
record RecallCorpus(
    List<Map<String, Object>> documents,
    List<String> ids,
    List<float[]> vectors,
    List<String> queries,
    List<float[]> queryVectors) {

  static final String TENANT = "bench-vectors";
  static final String PROJECT = "bench-project";
  private static final int EMBED_BATCH = 256;
  private static final int FILE_VERSION = 1;

  static RecallCorpus build(
      int size, int queryCount, MemoryEmbedder embedder, Path cache, PrintStream out)
      throws IOException {
    RetrievalSet set = RetrievalSet.load();
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    List<String> types = new ArrayList<>();
    for (Memory m : set.memories()) {
      if (texts.size() < size && texts.add(m.content())) {
        types.add(m.type());
      }
    }
    for (long n = 0; texts.size() < size; n++) {
      if (texts.add(MemoryTemplates.memory(n))) {
        types.add(MemoryTemplates.type(n));
      }
    }
    List<String> ordered = new ArrayList<>(texts);
    List<float[]> vectors = embedded(ordered, embedder, cache, out);
    List<Map<String, Object>> documents = new ArrayList<>(ordered.size());
    List<String> ids = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      MemoryStored event =
          BenchIndex.stored(
              TENANT,
              PROJECT,
              "session-" + (i / 25),
              id(i),
              types.get(i),
              List.of("bench", "tag-" + (i % 50)),
              ordered.get(i),
              MemoryEmbedder.MODEL_NAME,
              null);
      ids.add(id(i));
      documents.add(
          MemoryDocuments.stored(
              event,
              0,
              new MemoryDocuments.Vector(MemoryEmbedder.MODEL_NAME, boxed(vectors.get(i)))));
    }
    List<String> queries = new ArrayList<>();
    set.questions().stream().limit(queryCount).forEach(q -> queries.add(q.text()));
    for (long n = 0; queries.size() < queryCount; n++) {
      queries.add(MemoryTemplates.question(n));
    }
    List<float[]> queryVectors = queries.stream().map(embedder::embedQuery).toList();
    out.printf(
        "recall corpus: %,d memories (%,d of the labelled set), %,d queries (%,d labelled)%n",
        documents.size(),
        Math.min(size, set.memories().size()),
        queries.size(),
        Math.min(queryCount, set.questions().size()));
    return new RecallCorpus(documents, ids, vectors, queries, queryVectors);
  }

  private static String id(int i) {
    return "vec-" + i;
  }

  private static List<float[]> embedded(
      List<String> texts, MemoryEmbedder embedder, Path cache, PrintStream out) throws IOException {
    List<float[]> cached = read(cache, texts);
    if (cached != null) {
      out.printf("recall corpus: %,d vectors from %s%n", cached.size(), cache);
      return cached;
    }
    long started = System.nanoTime();
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
      vectors.addAll(
          embedder.embedMemories(texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH))));
      if ((from / EMBED_BATCH) % 20 == 0) {
        out.printf("  embedded %,d of %,d%n", vectors.size(), texts.size());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        "recall corpus: embedded %,d texts in %.0f s (%.0f/s), kept in %s%n",
        texts.size(), seconds, texts.size() / seconds, cache);
    write(cache, texts, vectors);
    return vectors;
  }

  /** The vectors {@code cache} holds for exactly {@code texts} and this model, else null. */
  private static List<float[]> read(Path cache, List<String> texts) throws IOException {
    if (!Files.isRegularFile(cache)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
      if (in.readInt() != FILE_VERSION
          || !in.readUTF().equals(MemoryEmbedder.MODEL_NAME)
          || in.readInt() != texts.size()) {
        return null;
      }
      List<float[]> vectors = new ArrayList<>(texts.size());
      for (String text : texts) {
        if (!in.readUTF().equals(text)) {
          return null;
        }
        float[] vector = new float[in.readInt()];
        for (int d = 0; d < vector.length; d++) {
          vector[d] = in.readFloat();
        }
        vectors.add(vector);
      }
      return vectors;
    }
  }

  private static void write(Path cache, List<String> texts, List<float[]> vectors)
      throws IOException {
    Files.createDirectories(cache.toAbsolutePath().getParent());
    Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
    try (DataOutputStream out =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(partial)))) {
      out.writeInt(FILE_VERSION);
      out.writeUTF(MemoryEmbedder.MODEL_NAME);
      out.writeInt(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        out.writeUTF(texts.get(i));
        out.writeInt(vectors.get(i).length);
        for (float value : vectors.get(i)) {
          out.writeFloat(value);
        }
      }
    }
    Files.move(partial, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<Float> boxed(float[] vector) {
    List<Float> values = new ArrayList<>(vector.length);
    for (float value : vector) {
      values.add(value);
    }
    return values;
  }
}
