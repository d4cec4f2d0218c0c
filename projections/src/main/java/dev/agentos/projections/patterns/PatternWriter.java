package dev.agentos.projections.patterns;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.agentos.projections.source.BatchWriter;
import dev.agentos.projections.source.Refusal;
import dev.agentos.readmodels.patterns.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a processor batch of pattern snapshots, each at its own write timestamp ({@link
 * PatternWrite}), so no row is read first: a redelivered snapshot writes the same cells at the same
 * timestamp and changes nothing, and an older snapshot written after a newer one does not replace
 * it. Of a batch's snapshots of one pattern only the latest is sent, which is what the table would
 * keep anyway: a rebuild, reading many snapshots of a pattern at once, writes each pattern once.
 *
 * <p>When the table refuses a write for good (an invalid query), the snapshots are written again
 * one at a time and those it still refuses are answered, with its message, for their records to
 * become dead letters. Anything else (a timeout, a node down) is thrown, and the processor retries
 * the batch.
 */
public final class PatternWriter implements BatchWriter<PatternWrite> {

  private final PatternTable table;

  PatternWriter(PatternTable table) {
    this.table = table;
  }

  /** A writer into the table of the keyspace {@code session} is on. */
  public static PatternWriter onCassandra(CqlSession session) {
    return new PatternWriter(new CassandraPatternTable(session));
  }

  @Override
  public List<Refusal<PatternWrite>> write(List<PatternWrite> writes) {
    List<PatternWrite> latest = latestOfEachPattern(writes);
    try {
      table.write(latest);
      return List.of();
    } catch (InvalidQueryException refused) {
      if (latest.size() == 1) {
        Pattern p = latest.get(0).pattern();
        return List.of(
            new Refusal<>(
                latest.get(0),
                "Cassandra refused the snapshot of pattern "
                    + p.patternId()
                    + " of project "
                    + p.projectId()
                    + ": "
                    + refused.getMessage(),
                refused.getClass().getName()));
      }
    }
    List<Refusal<PatternWrite>> refusals = new ArrayList<>();
    for (PatternWrite write : latest) {
      refusals.addAll(write(List.of(write)));
    }
    return refusals;
  }

  private static List<PatternWrite> latestOfEachPattern(List<PatternWrite> writes) {
    Map<List<String>, PatternWrite> latest = new LinkedHashMap<>();
    for (PatternWrite write : writes) {
      Pattern p = write.pattern();
      latest.merge(
          List.of(p.tenantId(), p.projectId(), p.patternId()),
          write,
          (kept, next) -> next.writeTime() >= kept.writeTime() ? next : kept);
    }
    return List.copyOf(latest.values());
  }
}
