package dev.agentos.benchmarks.search;

import dev.agentos.benchmarks.search.RetrievalSet.Kind;
import dev.agentos.benchmarks.search.RetrievalSet.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums of the metrics over the questions asked, overall and per kind of question. */
final class RetrievalScore {
  private final Map<Kind, double[]> byKind = new LinkedHashMap<>();
  private final List<Double> ndcgPerQuestion = new ArrayList<>();
  private double recall5;
  private double recall10;
  private double ndcg10;
  private int questions;

  void add(Question question, List<String> ranked) {
    double ndcg = RankingMetrics.ndcgAt(10, ranked, question.relevant());
    recall5 += RankingMetrics.recallAt(5, ranked, question.relevant());
    recall10 += RankingMetrics.recallAt(10, ranked, question.relevant());
    ndcg10 += ndcg;
    ndcgPerQuestion.add(ndcg);
    questions++;
    double[] kind = byKind.computeIfAbsent(question.kind(), k -> new double[2]);
    kind[0] += ndcg;
    kind[1]++;
  }

  double recall5() {
    return recall5 / questions;
  }

  double recall10() {
    return recall10 / questions;
  }

  double ndcg10() {
    return ndcg10 / questions;
  }

  /** nDCG@10 of each question, in the order they were added: for paired comparisons. */
  double[] ndcg10PerQuestion() {
    return ndcgPerQuestion.stream().mapToDouble(Double::doubleValue).toArray();
  }

  double ndcg10(Kind kind) {
    double[] sums = byKind.get(kind);
    return sums == null ? Double.NaN : sums[0] / sums[1];
  }
}
