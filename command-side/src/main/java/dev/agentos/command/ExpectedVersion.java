package dev.agentos.command;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The {@code If-Match} check: a change sent with the version the caller last read is refused (HTTP
 * 409) unless the item is still at exactly that version.
 *
 * <p>Checked by the command handler after it knows the caller may see the item, rather than by
 * Axon's {@code @TargetAggregateVersion} when the aggregate loads: that check runs first and would
 * answer a caller who may not see the item with a 409 naming its current version, telling it the
 * item exists.
 */
public final class ExpectedVersion {

  private ExpectedVersion() {}

  /** Call from a command handler of the aggregate {@code id}; null expects nothing. */
  public static void require(String id, Long expectedVersion) {
    long actual = AggregateLifecycle.getVersion();
    if (expectedVersion != null && expectedVersion != actual) {
      throw new ConflictingAggregateVersionException(id, expectedVersion, actual);
    }
  }
}
