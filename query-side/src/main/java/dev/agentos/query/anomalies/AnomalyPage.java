package dev.agentos.query.anomalies;

import dev.agentos.readmodels.anomalies.Anomaly;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of an anomalies list, newest first. */
public record AnomalyPage(
    List<Anomaly> items,
    @Schema(description = "pass as ?cursor= for the next page; null on the last page")
        String nextCursor) {}
