package dev.agentos.command.eventstore;

import dev.agentos.schemas.streams.StreamIds;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on an event store written before ids were per tenant (ADR 0008). Its streams are
 * named by the bare id, which no command of this version loads: every item made before would answer
 * 404, and its id could be created again beside it. The oldest stream tells: every store's first
 * event is the bootstrap admin's agent, named by {@link StreamIds} since then.
 */
@Component
public class StreamIdLayoutCheck {

  private final JdbcTemplate jdbc;

  public StreamIdLayoutCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Fails when the oldest stream of the store is not named by {@link StreamIds}. */
  void requirePerTenantStreams() {
    List<String> oldest =
        jdbc.queryForList(
            "SELECT aggregateIdentifier FROM domainEventEntry ORDER BY globalIndex LIMIT 1",
            String.class);
    oldest.forEach(StreamIdLayoutCheck::requireStreamId);
  }

  static void requireStreamId(String aggregateIdentifier) {
    try {
      StreamIds.idOf(aggregateIdentifier);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the event store was written before ids were per tenant (its oldest stream is '"
              + aggregateIdentifier
              + "', not <length>:<tenant>/<id>; docs/adr/0008-ids-per-tenant.md): re-create the"
              + " stack's data (./agentos down, remove the data under .agentos/, ./agentos up)",
          e);
    }
  }
}
