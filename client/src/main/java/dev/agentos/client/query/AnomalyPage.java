package dev.agentos.client.query;

import java.util.List;

/** One page of anomalies, newest sample first; only a null {@code nextCursor} ends the list. */
public record AnomalyPage(List<Anomaly> items, String nextCursor) {}
