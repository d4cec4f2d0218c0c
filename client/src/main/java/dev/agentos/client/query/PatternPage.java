package dev.agentos.client.query;

import java.util.List;

/** One page of patterns, in pattern id order; only a null {@code nextCursor} ends the list. */
public record PatternPage(List<Pattern> items, String nextCursor) {}
