package dev.agentos.projections.memory.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

/**
 * The idempotency guard of the memory read models: each event is claimed by its {@code eventId} in
 * {@code applied_events} with a lightweight transaction ({@code INSERT … IF NOT EXISTS}) before it
 * writes anything, and marked done after its last write.
 *
 * <p>Why a guard for every event and not only for the counters: most writes are upserts of a full
 * state and would be harmless to repeat, but not all of them. The access counter and the memory
 * {@code version} (a +1 per event) are not idempotent, and a redelivered older update would put an
 * older state back until the newer event came again. The claim makes a redelivery change nothing at
 * all, at the price of one Paxos round and one write per event.
 *
 * <p>Why two phases: a crash between the claim and the writes must not lose the event (offsets are
 * committed only after the writes, so it is redelivered). A claim that is not done is therefore
 * {@link Outcome#UNFINISHED}: the handler writes again, with the {@code version} stored in the
 * claim, so the retry produces exactly the state the first attempt meant to. Only the counter
 * increment, which cannot be repeated safely, is skipped on an unfinished claim: an access lost in
 * a crash is better than one counted twice for a ranking weight.
 *
 * <p>Ordering within an aggregate is guaranteed upstream: memory and context events are keyed by
 * aggregate id, so one partition, one consumer, in order; this class does not reorder anything.
 */
final class AppliedEvents {

  enum Outcome {
    NEW,
    UNFINISHED,
    DONE
  }

  /** The claim's outcome and the version this event gives its memory (-1 when none). */
  record Claim(Outcome outcome, long version) {
    boolean mustWrite() {
      return outcome != Outcome.DONE;
    }
  }

  private final CqlSession session;
  private final PreparedStatement claim;
  private final PreparedStatement finish;

  AppliedEvents(CqlSession session) {
    this.session = session;
    this.claim =
        session.prepare(
            "INSERT INTO applied_events (event_id, version, done) VALUES (?, ?, false)"
                + " IF NOT EXISTS");
    // Conditional too: a plain write next to a Paxos write on the same row may carry an older
    // timestamp (client clock versus ballot) and be shadowed by the claim.
    this.finish =
        session.prepare("UPDATE applied_events SET done = true WHERE event_id = ? IF EXISTS");
  }

  Claim claim(String eventId) {
    return claim(eventId, -1);
  }

  /** Claims the event, recording the version it gives its memory, computed before the claim. */
  Claim claim(String eventId, long version) {
    var result = session.execute(claim.bind(eventId, version));
    if (result.wasApplied()) {
      return new Claim(Outcome.NEW, version);
    }
    // A failed IF NOT EXISTS returns the existing row.
    Row existing = result.one();
    boolean done = existing != null && existing.getBoolean("done");
    long claimed =
        existing == null || existing.isNull("version") ? version : existing.getLong("version");
    return new Claim(done ? Outcome.DONE : Outcome.UNFINISHED, claimed);
  }

  void finish(String eventId) {
    session.execute(finish.bind(eventId));
  }
}
