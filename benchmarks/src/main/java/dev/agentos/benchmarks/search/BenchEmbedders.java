package dev.agentos.benchmarks.search;

import dev.agentos.readmodels.embedding.MemoryEmbedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The production {@link MemoryEmbedder} over a model that remembers every text it embedded. The
 * benchmarks search the same questions many times (each fusion variant, each mode); with this they
 * pay for each query vector once, and can time the search without the embedding.
 */
public final class BenchEmbedders {

  private BenchEmbedders() {}

  /**
   * The embedder as it was before its session was tuned and its queries cached: langchain4j's stock
   * model and ONNX Runtime session, every query embedded.
   */
  public static MemoryEmbedder stock() {
    return new MemoryEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel()).withoutQueryCache();
  }

  public static MemoryEmbedder remembering() {
    return new MemoryEmbedder(new Remembering(new BgeSmallEnV15QuantizedEmbeddingModel()));
  }

  private record Remembering(EmbeddingModel model, Map<String, Embedding> seen)
      implements EmbeddingModel {

    Remembering(EmbeddingModel model) {
      this(model, new ConcurrentHashMap<>());
    }

    @Override
    public Response<Embedding> embed(String text) {
      return Response.from(embedAll(List.of(TextSegment.from(text))).content().get(0));
    }

    @Override
    public Response<Embedding> embed(TextSegment segment) {
      return embed(segment.text());
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<TextSegment> missing =
          segments.stream().filter(s -> !seen.containsKey(s.text())).distinct().toList();
      if (!missing.isEmpty()) {
        List<Embedding> made = model.embedAll(missing).content();
        for (int i = 0; i < missing.size(); i++) {
          seen.put(missing.get(i).text(), made.get(i));
        }
      }
      List<Embedding> all = new ArrayList<>();
      segments.forEach(s -> all.add(seen.get(s.text())));
      return Response.from(all);
    }

    @Override
    public int dimension() {
      return model.dimension();
    }
  }
}
