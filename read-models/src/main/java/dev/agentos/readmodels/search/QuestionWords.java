package dev.agentos.readmodels.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a question that say how it is asked, not what it is about ("why", "did", "we", "the"
 * …). Matched by keyword, they find memories that share nothing but phrasing; in hybrid search
 * those then push the memories found by meaning down. Measured on the labelled retrieval set
 * (docs/benchmarks.md): dropping them and asking for 60 % of the rest made hybrid beat semantic
 * search alone, which an OR of every word did not. Elasticsearch's {@code _english_} stop list
 * lacks the question words that did the harm, hence this list.
 */
public final class QuestionWords {

  private static final Set<String> WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "can", "did", "do", "does", "for",
          "from", "how", "i", "in", "into", "is", "it", "its", "my", "of", "on", "or", "our",
          "should", "so", "that", "the", "their", "there", "this", "to", "was", "we", "were",
          "what", "when", "where", "which", "who", "why", "will", "with", "without", "you", "your",
          "about", "after", "all", "even", "get", "got", "has", "have", "only", "some", "same",
          "than", "then", "them", "they", "us", "used", "use");

  private QuestionWords() {}

  /** {@code text} without its question words, in order; blank when nothing else is left. */
  public static String strip(String text) {
    return Arrays.stream(text.split("\\s+"))
        .filter(word -> !WORDS.contains(word.toLowerCase(Locale.ROOT).replaceAll("\\W", "")))
        .collect(Collectors.joining(" "));
  }
}
