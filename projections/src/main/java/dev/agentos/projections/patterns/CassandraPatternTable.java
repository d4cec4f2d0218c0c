package dev.agentos.projections.patterns;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.patterns.Pattern;
import dev.agentos.readmodels.patterns.PatternSchema;
import java.util.List;

/**
 * {@value PatternSchema#TABLE} in Cassandra: each snapshot one insert of every column {@code USING
 * TIMESTAMP} its write time, the batch's inserts concurrently. A field the snapshot has not (no
 * language, no success rate) is written as null: the snapshot replaces the row whole, and its null
 * loses to a later snapshot's value like any other cell.
 */
final class CassandraPatternTable implements PatternTable {

  private static final TupleType EXAMPLE = DataTypes.tupleOf(DataTypes.TEXT, DataTypes.TEXT);

  private final CqlSession session;
  private final PreparedStatement insert;

  /**
   * @param session a session on the keyspace holding the table
   */
  CassandraPatternTable(CqlSession session) {
    this.session = session;
    this.insert =
        session.prepare(
            "INSERT INTO "
                + PatternSchema.TABLE
                + " (tenant_id, project_id, pattern_id, kind, status, signature, language,"
                + " error_type, top_frames, examples, occurrences, recent_occurrences,"
                + " first_seen_at, last_seen_at, agents_affected, sessions_affected, support,"
                + " success_rate, event_id, detected_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " USING TIMESTAMP ?");
  }

  @Override
  public void write(List<PatternWrite> writes) {
    AsyncStatements.run(session, writes.stream().map(this::bind).toList());
  }

  private BoundStatement bind(PatternWrite write) {
    Pattern p = write.pattern();
    List<TupleValue> examples =
        p.examples().stream().map(x -> EXAMPLE.newValue(x.eventId(), x.excerpt())).toList();
    return insert.bind(
        p.tenantId(),
        p.projectId(),
        p.patternId(),
        p.kind().name(),
        p.status().name(),
        p.signature(),
        p.language(),
        p.errorType(),
        p.topFrames(),
        examples,
        p.occurrences(),
        p.recentOccurrences(),
        p.firstSeenAt(),
        p.lastSeenAt(),
        p.agentsAffected(),
        p.sessionsAffected(),
        p.support(),
        p.successRate(),
        p.eventId(),
        p.detectedAt(),
        write.writeTime());
  }
}
