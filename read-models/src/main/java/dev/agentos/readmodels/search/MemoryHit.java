package dev.agentos.readmodels.search;

import dev.agentos.readmodels.search.ReciprocalRankFusion.MatchedBy;
import java.util.Map;

/**
 * One search result: its final score, which part of the search found it, how the score came about,
 * its document without the vector, and how often it was read before ({@link AccessCounts}). The ids
 * of the hits are what a caller records as accessed.
 */
public record MemoryHit(
    String memoryId,
    double score,
    MatchedBy matchedBy,
    ScoreExplanation explanation,
    Map<String, Object> document,
    long accessCount) {}
