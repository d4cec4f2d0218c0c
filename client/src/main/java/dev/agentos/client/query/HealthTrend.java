package dev.agentos.client.query;

import java.time.Instant;
import java.util.List;

/**
 * A project's health reports whose window ended in [{@code from}, {@code to}), newest first.
 *
 * @param truncated more reports remain: ask again with {@code to} = the last report's {@code
 *     windowEnd}
 */
public record HealthTrend(
    Instant from, Instant to, List<HealthReport> reports, boolean truncated) {}
