package dev.agentos.readmodels.search;

/**
 * Why a hit scored what it did. Ranks start at 1; a part that did not find the hit (or did not run)
 * is null. {@code baseScore} is the BM25 score (keyword), the cosine similarity (semantic) or the
 * fused score (hybrid); the hit's final score is {@code baseScore * recencyFactor * accessFactor},
 * a factor being null when its weighting was not asked for.
 */
public record ScoreExplanation(
    Integer keywordRank,
    Double keywordScore,
    Integer semanticRank,
    Double semanticSimilarity,
    Double fusedScore,
    double baseScore,
    Double recencyFactor,
    Double accessFactor) {

  public double finalScore() {
    return baseScore
        * (recencyFactor == null ? 1 : recencyFactor)
        * (accessFactor == null ? 1 : accessFactor);
  }
}
