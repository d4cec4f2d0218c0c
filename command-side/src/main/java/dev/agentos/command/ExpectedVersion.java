package dev.agentos.command;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Completes Axon's {@code @TargetAggregateVersion} check, which refuses an {@code If-Match} older
 * than the aggregate but lets one ahead of it pass: a version that never existed cannot be the one
 * the caller read, so it is a conflict as well (HTTP 409).
 */
public final class ExpectedVersion {

  private ExpectedVersion() {}

  /** Call from a command handler of the aggregate {@code id}; null expects nothing. */
  public static void requireNotAhead(String id, Long expectedVersion) {
    long actual = AggregateLifecycle.getVersion();
    if (expectedVersion != null && expectedVersion > actual) {
      throw new ConflictingAggregateVersionException(id, expectedVersion, actual);
    }
  }
}
