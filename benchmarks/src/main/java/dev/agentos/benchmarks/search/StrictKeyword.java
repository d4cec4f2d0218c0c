package dev.agentos.benchmarks.search;

import static dev.agentos.projections.memory.search.MemoryFields.CONTENT;
import static dev.agentos.projections.memory.search.MemoryFields.EMBEDDING;
import static dev.agentos.projections.memory.search.MemoryFields.STATE;
import static dev.agentos.projections.memory.search.MemoryFields.TENANT_ID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.agentos.benchmarks.search.Fusion.Scored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stricter keyword side than production's, measured as a candidate: the question's function words
 * are dropped and a memory must match 60 % of the rest. Production's keyword query is an OR of
 * every word, so on a question phrased in other words than the memory, its top hits are memories
 * sharing only "why", "did" or "we" — and RRF weighs those as much as the best semantic hits. With
 * this query such a question gets few or no keyword hits, and fusion follows semantic.
 */
final class StrictKeyword {

  static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "can", "did", "do", "does", "for",
          "from", "how", "i", "in", "into", "is", "it", "its", "my", "of", "on", "or", "our",
          "should", "so", "that", "the", "their", "there", "this", "to", "was", "we", "were",
          "what", "when", "where", "which", "who", "why", "will", "with", "without", "you", "your",
          "about", "after", "all", "even", "get", "got", "has", "have", "only", "some", "same",
          "than", "then", "them", "they", "us", "used", "use");

  private StrictKeyword() {}

  static String withoutFunctionWords(String question) {
    return Arrays.stream(question.split("\\s+"))
        .filter(
            word -> !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT).replaceAll("\\W", "")))
        .collect(Collectors.joining(" "));
  }

  @SuppressWarnings("rawtypes")
  static List<Scored> search(
      ElasticsearchClient client, String index, String tenant, String text, int size) {
    String words = withoutFunctionWords(text);
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
