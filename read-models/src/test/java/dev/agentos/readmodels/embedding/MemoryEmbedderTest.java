package dev.agentos.readmodels.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real model from its jar: no server, no network. */
class MemoryEmbedderTest {

  private static MemoryEmbedder embedder;

  @BeforeAll
  static void loadModel() {
    embedder = new MemoryEmbedder();
  }

  @Test
  void memoriesBecomeUnitVectorsOfTheIndexSize() {
    List<float[]> vectors =
        embedder.embedMemories(List.of("Prices round half-up.", "CI runs on Linux."));
    assertThat(vectors).hasSize(2);
    for (float[] vector : vectors) {
      assertThat(vector).hasSize(MemoryEmbedder.DIMENSIONS);
      assertThat(norm(vector)).isCloseTo(1.0, within(1e-3));
    }
  }

  @Test
  void aParaphrasedQueryIsNearerTheMemoryThatAnswersIt() {
    float[] query = embedder.embedQuery("how should money amounts be rounded?");
    float[] answer =
        embedder.embedMemory(
            "test_apply_discount failed because Decimal used ROUND_HALF_EVEN; use ROUND_HALF_UP"
                + " for prices.");
    float[] unrelated = embedder.embedMemory("The user prefers tabs over spaces in Makefiles.");
    assertThat(cosine(query, answer)).isGreaterThan(cosine(query, unrelated) + 0.05);
  }

  @Test
  void aQueryIsEmbeddedWithBgesInstructionAndADocumentWithout() {
    float[] asQuery = embedder.embedQuery("rounding of prices");
    float[] asMemory = embedder.embedMemory("rounding of prices");
    float[] withInstruction =
        embedder.embedMemory(MemoryEmbedder.QUERY_INSTRUCTION + "rounding of prices");
    assertThat(cosine(asQuery, withInstruction)).isCloseTo(1.0, within(1e-4));
    assertThat(cosine(asQuery, asMemory)).isLessThan(0.999);
  }

  @Test
  void theTunedSessionGivesTheStockModelsVectorsExactly() {
    // the index holds vectors of the stock session: a tuned one must not move them at all
    MemoryEmbedder stock = new MemoryEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel());
    for (String text : List.of("how should money amounts be rounded?", "CI runs on Linux.")) {
      assertThat(embedder.embedQuery(text)).containsExactly(stock.embedQuery(text));
      assertThat(embedder.embedMemory(text)).containsExactly(stock.embedMemory(text));
    }
  }

  @Test
  void aQueryAskedAgainComesFromTheCacheAsACopy() {
    String question = "which port does the build mirror use? " + System.nanoTime();
    assertThat(embedder.cachedQuery("t1", question)).isNull();
    float[] first = embedder.embedQuery("t1", question);
    float[] cached = embedder.cachedQuery("t1", question);
    assertThat(cached).containsExactly(first);
    cached[0] = 42;
    assertThat(embedder.embedQuery("t1", question)).containsExactly(first);
    assertThat(embedder.cachedQuery("t1", question + " ")).isNull(); // exact text only
  }

  @Test
  void oneTenantsQuestionIsNotCachedForAnother() {
    String question = "which registry do we publish to? " + System.nanoTime();
    float[] asked = embedder.embedQuery("t1", question);

    assertThat(embedder.cachedQuery("t2", question)).isNull();
    assertThat(embedder.embedQuery("t2", question)).containsExactly(asked); // same model
    assertThat(embedder.embedQuery(question + " again")).isNotNull();
    assertThat(embedder.cachedQuery("t1", question + " again"))
        .as("embedQuery without a tenant keeps nothing")
        .isNull();
  }

  @Test
  void withoutTheQueryCacheNothingIsKept() {
    MemoryEmbedder uncached = embedder.withoutQueryCache();
    String question = "where does the build cache live? " + System.nanoTime();
    float[] vector = uncached.embedQuery("t1", question);
    assertThat(uncached.cachedQuery("t1", question)).isNull();
    assertThat(embedder.cachedQuery("t1", question)).isNull();
    assertThat(uncached.embedQuery("t1", question)).containsExactly(vector);
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }
}
