package dev.agentos.projections.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {

  /** The store as a map: the cache's logic, not Elasticsearch, is under test here. */
  private final Map<String, float[]> kept = new HashMap<>();

  private final List<List<String>> lookups = new ArrayList<>();

  private final EmbeddingCache.Store store =
      new EmbeddingCache.Store() {
        @Override
        public Map<String, float[]> get(Collection<String> keys) {
          lookups.add(List.copyOf(keys));
          Map<String, float[]> found = new HashMap<>();
          keys.stream().filter(kept::containsKey).forEach(key -> found.put(key, kept.get(key)));
          return found;
        }

        @Override
        public void put(Map<String, float[]> vectors) {
          kept.putAll(vectors);
        }
      };

  /** Texts each call embedded; a vector is the text's length and its call number. */
  private final List<List<String>> embedCalls = new ArrayList<>();

  private final Function<List<String>, List<float[]>> model =
      texts -> {
        embedCalls.add(texts);
        int call = embedCalls.size();
        return texts.stream().map(t -> new float[] {t.length(), call}).toList();
      };

  private final EmbeddingCache cache = new EmbeddingCache(store, "bge", model);

  @Test
  void textsEmbeddedOnceAreNotEmbeddedAgain() {
    List<float[]> first = cache.apply(List.of("tabs over spaces", "round half up"));

    List<float[]> again = cache.apply(List.of("tabs over spaces", "round half up"));

    assertThat(embedCalls).containsExactly(List.of("tabs over spaces", "round half up"));
    assertThat(again).containsExactlyElementsOf(first);
  }

  @Test
  void onlyTheMissesAreEmbeddedAndEveryVectorKeepsItsTextsPlace() {
    cache.apply(List.of("known"));

    List<float[]> vectors = cache.apply(List.of("new one", "known", "newer"));

    assertThat(embedCalls).containsExactly(List.of("known"), List.of("new one", "newer"));
    assertThat(vectors).containsExactly(new float[] {7, 2}, new float[] {5, 1}, new float[] {5, 2});
  }

  @Test
  void aTextTwiceInOneBatchIsEmbeddedOnce() {
    List<float[]> vectors = cache.apply(List.of("same", "other", "same"));

    assertThat(embedCalls).containsExactly(List.of("same", "other"));
    assertThat(vectors.get(2)).isEqualTo(vectors.get(0));
  }

  @Test
  void anotherModelNameMissesEveryVectorOfTheFirst() {
    cache.apply(List.of("tabs over spaces"));

    new EmbeddingCache(store, "bge-v2", model).apply(List.of("tabs over spaces"));

    assertThat(embedCalls).hasSize(2);
    assertThat(kept).hasSize(2);
  }

  @Test
  void textsThatDifferOnlyInWhitespaceAreDifferentInputs() {
    // The events' contentHash would call these one text; the model sees two.
    assertThat(cache.key("tabs  over spaces")).isNotEqualTo(cache.key("tabs over spaces"));
    assertThat(cache.key("tabs over spaces"))
        .startsWith("bge:")
        .isEqualTo(cache.key("tabs over spaces"))
        .hasSize("bge:".length() + 64);
  }

  @Test
  void noTextsGiveNoVectorsAndEmbedNothing() {
    assertThat(cache.apply(List.of())).isEmpty();
    assertThat(embedCalls).isEmpty();
  }

  @Test
  void aModelThatAnswersTheWrongNumberOfVectorsIsAnError() {
    EmbeddingCache broken = new EmbeddingCache(store, "bge", texts -> List.of());

    assertThatThrownBy(() -> broken.apply(List.of("a", "b")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bge gave 0 vectors for 2 texts");
    assertThat(kept).isEmpty();
  }

  @Test
  void freshTextsAreEmbeddedWithoutALookupAndKeptOnlyWhenAsked() {
    cache.apply(List.of("known"));
    lookups.clear();

    EmbeddingCache.Embedded embedded = cache.embed(List.of("known", "brand new"), false);

    assertThat(lookups).isEmpty();
    assertThat(embedCalls).last().isEqualTo(List.of("known", "brand new"));
    assertThat(kept).hasSize(1);
    embedded.keep().run();
    assertThat(kept).hasSize(2).containsValue(embedded.vectors().get(1));
  }

  @Test
  void aBatchOfCachedTextsHasNothingToKeep() {
    cache.apply(List.of("known"));

    EmbeddingCache.Embedded embedded = cache.embed(List.of("known"), true);
    kept.clear();
    embedded.keep().run();

    assertThat(embedCalls).hasSize(1);
    assertThat(kept).isEmpty();
  }

  @Test
  void aVectorSurvivesItsBase64FormExactly() {
    float[] vector = {0.1f, -3.4028235e38f, Float.MIN_VALUE, 0f, 1e-7f};

    String encoded = EmbeddingCacheIndex.encode(vector);

    assertThat(EmbeddingCacheIndex.decode(encoded)).containsExactly(vector);
    assertThat(encoded).hasSize(28); // 20 bytes in base64, not 5 decimal numbers
  }
}
