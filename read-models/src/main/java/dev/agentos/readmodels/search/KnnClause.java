package dev.agentos.readmodels.search;

import static dev.agentos.readmodels.search.MemoryFields.EMBEDDING;

import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;

/**
 * How the memory index is asked for a query vector's nearest memories: one place for k, candidates
 * and rescoring.
 */
public final class KnnClause {

  private KnnClause() {}

  /**
   * How many times {@code size} of the best candidates {@link IndexReader#nearest} scores again on
   * their float vectors. The graph ranks by int8-quantized vectors, which lose more recall than the
   * graph itself ({@code ef_construction} 50, memories.json): recall@10 at k 10 measured 0.885
   * without this and 0.954-0.959 with it ({@code ./agentos bench vectors}, docs/benchmarks.md).
   * Asked per query because the Java client cannot read {@code rescore_vector} in a mapping.
   */
  static final float RESCORE_OVERSAMPLE = 2f;

  /**
   * The kNN clause of a hybrid search's semantic side: {@code size} hits from {@code max(100, 10 *
   * size)} candidates per segment, so the approximate search rarely misses one of the true nearest.
   * Not rescored: this side is fusion's pool of {@link MemorySearch#HYBRID_WINDOW}, where the graph
   * alone kept recall@50 (0.956 against 0.958-0.960 before) and retrieval quality did not move,
   * while the rescore, done per segment, cost hybrid search ~3 ms at p50 and ~6 at p99 at 100,000
   * memories. {@code filters} as for {@link IndexReader#nearest}.
   */
  public static KnnSearch pool(List<Float> vector, List<Query> filters, int size) {
    return of(vector, filters, size, false);
  }

  /** {@link #pool}'s clause for hits that are the answer: the best rescored. */
  static KnnSearch answer(List<Float> vector, List<Query> filters, int size) {
    return of(vector, filters, size, true);
  }

  private static KnnSearch of(List<Float> vector, List<Query> filters, int size, boolean rescored) {
    return KnnSearch.of(
        k -> {
          k.field(EMBEDDING)
              .queryVector(vector)
              .k(size)
              .numCandidates(Math.max(100, size * 10))
              .filter(filters);
          return rescored ? k.rescoreVector(r -> r.oversample(RESCORE_OVERSAMPLE)) : k;
        });
  }
}
