package dev.agentos.readmodels.suggestions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.readmodels.executions.ExecutionSchema;
import dev.agentos.readmodels.executions.SessionIndex;
import dev.agentos.readmodels.memory.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's code suggestions with their verifications from {@value ExecutionSchema#SUGGESTIONS},
 * every read within the tenant's and project's own partitions, so another tenant's or project's
 * suggestion is absent here exactly as an unknown id is. A session's list walks {@value
 * ExecutionSchema#SUGGESTIONS_BY_SESSION} newest proposal first and answers each entry from its
 * suggestion's partition.
 */
public final class SuggestionReader {

  private final CqlSession session;
  private final PreparedStatement partition;
  private final SessionIndex<SuggestionRecord> index;

  /**
   * @param session a session on the read models' keyspace, where the tables exist
   */
  public SuggestionReader(CqlSession session) {
    this.session = session;
    this.partition =
        session.prepare(
            "SELECT * FROM "
                + ExecutionSchema.SUGGESTIONS
                + " WHERE tenant_id = ? AND project_id = ? AND suggestion_id = ?");
    this.index =
        new SessionIndex<>(
            session,
            ExecutionSchema.SUGGESTIONS_BY_SESSION,
            "proposed_at",
            "suggestion_id",
            partition::bind,
            rows -> toRecord(rows).orElse(null),
            SuggestionReader::listedAt);
  }

  /**
   * The suggestion of this id in the tenant's project with its verifications; empty for any other.
   */
  public Optional<Suggestion> suggestion(String tenantId, String projectId, String suggestionId) {
    return record(tenantId, projectId, suggestionId).map(SuggestionRecord::toSuggestion);
  }

  /**
   * The partition of this id in the tenant's project, as its events wrote it; empty for any other.
   */
  public Optional<SuggestionRecord> record(String tenantId, String projectId, String suggestionId) {
    return toRecord(session.execute(partition.bind(tenantId, projectId, suggestionId)));
  }

  /**
   * The session's suggestions in the tenant's project, newest proposal first (ties by id), {@code
   * limit} at a time; {@code cursor} is a previous page's {@code nextCursor}, or null for the
   * first.
   *
   * @throws dev.agentos.readmodels.paging.InvalidCursorException if {@code cursor} is not one this
   *     method handed out
   */
  public Page<SuggestionSummary> bySession(
      String tenantId, String projectId, String sessionId, int limit, String cursor) {
    Page<SuggestionRecord> page = index.page(tenantId, projectId, sessionId, limit, cursor);
    return new Page<>(
        page.items().stream().map(r -> SuggestionSummary.of(r.toSuggestion())).toList(),
        page.nextCursor());
  }

  private static SessionIndex.Entry listedAt(SuggestionRecord record) {
    SuggestionRecord.Proposed p = record.proposed();
    return p == null ? null : new SessionIndex.Entry(p.sessionId(), p.at());
  }

  /**
   * The partition's rows as one record: the static cells repeat on every row (a partition of a
   * proposal alone is one row of static cells, its verification id null).
   */
  static Optional<SuggestionRecord> toRecord(Iterable<Row> rows) {
    Row first = null;
    List<SuggestionRecord.VerificationRecord> verifications = new ArrayList<>();
    for (Row row : rows) {
      first = first == null ? row : first;
      if (!row.isNull("verification_id")) {
        verifications.add(
            new SuggestionRecord.VerificationRecord(
                row.getString("verification_id"),
                row.isNull("requested_event_id") ? null : asked(row),
                row.isNull("completed_event_id") ? null : done(row)));
      }
    }
    if (first == null) {
      return Optional.empty();
    }
    SuggestionRecord record =
        new SuggestionRecord(
            first.getString("tenant_id"),
            first.getString("project_id"),
            first.getString("suggestion_id"),
            first.isNull("proposed_event_id") ? null : proposed(first),
            first.isNull("outcome_event_id") ? null : outcome(first),
            verifications);
    return record.known() ? Optional.of(record) : Optional.empty();
  }

  private static SuggestionRecord.Proposed proposed(Row r) {
    return new SuggestionRecord.Proposed(
        r.getString("proposed_event_id"),
        r.getInstant("proposed_at"),
        r.getString("session_id"),
        r.getString("agent_id"),
        r.getString("turn_id"),
        r.getString("language"),
        r.getString("file_path"),
        SuggestionFormat.valueOf(r.getString("format")),
        r.getString("code"),
        r.getBoolean("code_truncated"),
        r.getString("rationale"),
        r.isNull("confidence") ? null : r.getFloat("confidence"));
  }

  private static SuggestionRecord.OutcomeRecorded outcome(Row r) {
    return new SuggestionRecord.OutcomeRecorded(
        r.getString("outcome_event_id"),
        r.getInstant("outcome_at"),
        SuggestionOutcome.valueOf(r.getString("outcome")),
        r.getString("outcome_reason"),
        r.getString("edited_code"),
        r.getBoolean("edited_code_truncated"));
  }

  private static SuggestionRecord.VerificationAsked asked(Row r) {
    return new SuggestionRecord.VerificationAsked(
        r.getString("requested_event_id"),
        r.getInstant("requested_at"),
        r.getString("execution_id"),
        r.getString("test_command"),
        r.getString("test_framework"));
  }

  private static SuggestionRecord.VerificationDone done(Row r) {
    return new SuggestionRecord.VerificationDone(
        r.getString("completed_event_id"),
        r.getInstant("completed_at"),
        r.getString("completed_execution_id"),
        VerificationStatus.valueOf(r.getString("verdict")),
        r.getInt("tests_run"),
        r.getInt("passed"),
        r.getInt("failed"),
        r.getInt("skipped"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("passed_test_names") ? List.of() : r.getList("passed_test_names", String.class),
        r.isNull("failed_test_names") ? List.of() : r.getList("failed_test_names", String.class),
        r.getBoolean("test_names_truncated"));
  }
}
