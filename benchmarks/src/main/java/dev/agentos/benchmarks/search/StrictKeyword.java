package dev.agentos.benchmarks.search;

import static dev.agentos.readmodels.search.MemoryFields.CONTENT;
import static dev.agentos.readmodels.search.MemoryFields.EMBEDDING;
import static dev.agentos.readmodels.search.MemoryFields.STATE;
import static dev.agentos.readmodels.search.MemoryFields.TENANT_ID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.agentos.benchmarks.search.Fusion.Scored;
import dev.agentos.readmodels.search.QuestionWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The stricter keyword side on its own, as production's hybrid search now asks it: the question's
 * function words are dropped and a memory must match 60 % of the rest. A keyword query that ORs
 * every word finds, for a question phrased in other words than the memory, memories sharing only
 * "why", "did" or "we" — and RRF weighs those as much as the best semantic hits. With this query
 * such a question gets few or no keyword hits, and fusion follows semantic.
 */
final class StrictKeyword {

  private StrictKeyword() {}

  @SuppressWarnings("rawtypes")
  static List<Scored> search(
      ElasticsearchClient client, String index, String tenant, String text, int size) {
    String words = QuestionWords.strip(text);
    if (words.isBlank()) {
      return List.of();
    }
    try {
      List<Hit<Map>> hits =
          client
              .search(
                  s ->
                      s.index(index)
                          .size(size)
                          .source(src -> src.filter(f -> f.excludes(EMBEDDING)))
                          .query(
                              q ->
                                  q.bool(
                                      b ->
                                          b.filter(
                                                  f ->
                                                      f.term(t -> t.field(TENANT_ID).value(tenant)))
                                              .filter(
                                                  f -> f.term(t -> t.field(STATE).value("ACTIVE")))
                                              .must(
                                                  m ->
                                                      m.match(
                                                          mt ->
                                                              mt.field(CONTENT)
                                                                  .query(words)
                                                                  .minimumShouldMatch("60%"))))),
                  Map.class)
              .hits()
              .hits();
      return hits.stream().map(h -> new Scored(h.id(), h.score() == null ? 0 : h.score())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
