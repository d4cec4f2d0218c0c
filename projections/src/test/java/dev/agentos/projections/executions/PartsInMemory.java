package dev.agentos.projections.executions;

import dev.agentos.readmodels.executions.ExecutionRecord;
import dev.agentos.readmodels.suggestions.SuggestionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executions tables as Cassandra keeps them, in memory: every part is written as one statement
 * whose cells share its write time, so of the writes of one part of one partition (and
 * verification) the one with the greatest write time is what a read finds, whatever their order.
 * What the projection's rows and their write times come to, without a Cassandra.
 */
final class PartsInMemory {

  private record Slot(ExecutionWrite.Key key, Class<?> part, String verificationId) {}

  private final Map<Slot, ExecutionWrite> kept = new HashMap<>();

  void write(ExecutionWrite write) {
    String verification =
        write instanceof ExecutionWrite.VerificationAsked a
            ? a.verificationId()
            : write instanceof ExecutionWrite.VerificationDone d ? d.verificationId() : null;
    kept.merge(
        new Slot(write.key(), write.getClass(), verification),
        write,
        (old, next) -> next.writeTime() >= old.writeTime() ? next : old);
  }

  Optional<ExecutionRecord> execution(ExecutionWrite.Key key) {
    ExecutionRecord record =
        new ExecutionRecord(
            key.tenantId(),
            key.projectId(),
            key.id(),
            part(key, ExecutionWrite.Requested.class)
                .map(ExecutionWrite.Requested::part)
                .orElse(null),
            part(key, ExecutionWrite.Started.class).map(ExecutionWrite.Started::part).orElse(null),
            part(key, ExecutionWrite.Completed.class)
                .map(ExecutionWrite.Completed::part)
                .orElse(null));
    return record.known() ? Optional.of(record) : Optional.empty();
  }

  Optional<SuggestionRecord> suggestion(ExecutionWrite.Key key) {
    Map<String, SuggestionRecord.VerificationAsked> asked = new HashMap<>();
    Map<String, SuggestionRecord.VerificationDone> done = new HashMap<>();
    kept.forEach(
        (slot, write) -> {
          if (slot.key().equals(key) && write instanceof ExecutionWrite.VerificationAsked a) {
            asked.put(a.verificationId(), a.part());
          }
          if (slot.key().equals(key) && write instanceof ExecutionWrite.VerificationDone d) {
            done.put(d.verificationId(), d.part());
          }
        });
    List<SuggestionRecord.VerificationRecord> verifications = new ArrayList<>();
    java.util.Set<String> ids = new java.util.TreeSet<>(asked.keySet());
    ids.addAll(done.keySet());
    for (String id : ids) {
      verifications.add(new SuggestionRecord.VerificationRecord(id, asked.get(id), done.get(id)));
    }
    SuggestionRecord record =
        new SuggestionRecord(
            key.tenantId(),
            key.projectId(),
            key.id(),
            part(key, ExecutionWrite.Proposed.class)
                .map(ExecutionWrite.Proposed::part)
                .orElse(null),
            part(key, ExecutionWrite.OutcomeRecorded.class)
                .map(ExecutionWrite.OutcomeRecorded::part)
                .orElse(null),
            verifications);
    return record.known() ? Optional.of(record) : Optional.empty();
  }

  private <W extends ExecutionWrite> Optional<W> part(ExecutionWrite.Key key, Class<W> type) {
    return Optional.ofNullable(kept.get(new Slot(key, type, null))).map(type::cast);
  }
}
