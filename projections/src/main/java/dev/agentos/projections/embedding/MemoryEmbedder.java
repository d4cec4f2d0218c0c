package dev.agentos.projections.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * Turns memory text into the 384-d vectors of the search index, with BGE-small-en-v1.5 (quantized),
 * whose ONNX weights ship inside its jar: no download, no network. Chosen over MiniLM because it
 * found the evidence clearly more often on conversational memory (shared/docs/STACK.md).
 *
 * <p>BGE is asymmetric: a query is prefixed with the instruction the model was trained with, a
 * stored memory is not. The model name goes into the index beside each vector, so changing the
 * model means a replay, never a silent mix of two vector spaces.
 */
public final class MemoryEmbedder {

  /** Stored with every vector; a different name marks vectors from another model. */
  public static final String MODEL_NAME = "bge-small-en-v1.5-q";

  public static final int DIMENSIONS = 384;

  static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  private final EmbeddingModel model;

  public MemoryEmbedder() {
    this(new BgeSmallEnV15QuantizedEmbeddingModel());
  }

  MemoryEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  /** Vectors of stored memories, in one batch (several times faster than one by one). */
  public List<float[]> embedMemories(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  public float[] embedMemory(String text) {
    return embedMemories(List.of(text)).get(0);
  }

  /** The vector of a search query, with BGE's query instruction. */
  public float[] embedQuery(String query) {
    return model.embed(QUERY_INSTRUCTION + query).content().vector();
  }
}
