package dev.agentos.query.patterns;

import dev.agentos.readmodels.patterns.Pattern;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a patterns list, in pattern id order. */
public record PatternPage(
    List<Pattern> items,
    @Schema(description = "pass as ?cursor= for the next page; null on the last page")
        String nextCursor) {}
