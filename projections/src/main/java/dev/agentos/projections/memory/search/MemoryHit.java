package dev.agentos.projections.memory.search;

import dev.agentos.projections.memory.search.ReciprocalRankFusion.MatchedBy;
import java.util.Map;

/**
 * One search result: its score (BM25, cosine similarity or fused, by mode), which part of the
 * search found it, and its document without the vector.
 */
public record MemoryHit(
    String memoryId, double score, MatchedBy matchedBy, Map<String, Object> document) {}
