package dev.agentos.readmodels.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.agentos.readmodels.memory.Page;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A project's executions from {@value ExecutionSchema#EXECUTIONS}, every read within the tenant's
 * and project's own partitions, so another tenant's or project's execution is absent here exactly
 * as an unknown id is. A session's list walks {@value ExecutionSchema#EXECUTIONS_BY_SESSION} newest
 * request first ({@link SessionIndex}) and answers each entry from its execution's row.
 */
public final class ExecutionReader {

  private final CqlSession session;
  private final PreparedStatement byId;
  private final SessionIndex<ExecutionRecord> index;

  /**
   * @param session a session on the read models' keyspace, where the tables exist
   */
  public ExecutionReader(CqlSession session) {
    this.session = session;
    this.byId =
        session.prepare(
            "SELECT * FROM "
                + ExecutionSchema.EXECUTIONS
                + " WHERE tenant_id = ? AND project_id = ? AND execution_id = ?");
    this.index =
        new SessionIndex<>(
            session,
            ExecutionSchema.EXECUTIONS_BY_SESSION,
            "requested_at",
            "execution_id",
            byId::bind,
            ExecutionReader::known,
            ExecutionReader::listedAt);
  }

  /** The execution of this id in the tenant's project; empty for any other. */
  public Optional<Execution> execution(String tenantId, String projectId, String executionId) {
    return record(tenantId, projectId, executionId).map(ExecutionRecord::toExecution);
  }

  /** The row of this id in the tenant's project, as its events wrote it; empty for any other. */
  public Optional<ExecutionRecord> record(String tenantId, String projectId, String executionId) {
    return Optional.ofNullable(session.execute(byId.bind(tenantId, projectId, executionId)).one())
        .map(ExecutionReader::toRecord)
        .filter(ExecutionRecord::known);
  }

  /**
   * The session's executions in the tenant's project, newest request first (ties by id), {@code
   * limit} at a time; {@code cursor} is a previous page's {@code nextCursor}, or null for the
   * first.
   *
   * @throws dev.agentos.readmodels.paging.InvalidCursorException if {@code cursor} is not one this
   *     method handed out
   */
  public Page<ExecutionSummary> bySession(
      String tenantId, String projectId, String sessionId, int limit, String cursor) {
    Page<ExecutionRecord> page = index.page(tenantId, projectId, sessionId, limit, cursor);
    return new Page<>(
        page.items().stream().map(r -> ExecutionSummary.of(r.toExecution())).toList(),
        page.nextCursor());
  }

  /** The execution a read of its partition found; null when it holds none. */
  private static ExecutionRecord known(Iterable<Row> rows) {
    Iterator<Row> row = rows.iterator();
    ExecutionRecord record = row.hasNext() ? toRecord(row.next()) : null;
    return record != null && record.known() ? record : null;
  }

  /** Where the session index lists {@code record}: its request's session and time, if requested. */
  private static SessionIndex.Entry listedAt(ExecutionRecord record) {
    ExecutionRecord.Requested r = record.requested();
    return r == null ? null : new SessionIndex.Entry(r.sessionId(), r.at());
  }

  static ExecutionRecord toRecord(Row r) {
    return new ExecutionRecord(
        r.getString("tenant_id"),
        r.getString("project_id"),
        r.getString("execution_id"),
        r.isNull("requested_event_id") ? null : requested(r),
        r.isNull("started_event_id") ? null : started(r),
        r.isNull("completed_event_id") ? null : completed(r));
  }

  private static ExecutionRecord.Requested requested(Row r) {
    return new ExecutionRecord.Requested(
        r.getString("requested_event_id"),
        r.getInstant("requested_at"),
        r.getString("session_id"),
        r.getString("agent_id"),
        r.getString("suggestion_id"),
        r.getString("language"),
        r.getString("language_version"),
        // Cassandra reads an empty frozen collection back as null.
        r.isNull("environment_names") ? List.of() : r.getList("environment_names", String.class),
        new Execution.Limits(
            r.getLong("cpu_time_limit_ms"),
            r.getLong("memory_limit_bytes"),
            r.getLong("wall_timeout_ms"),
            r.getLong("max_output_bytes"),
            r.getBoolean("network_allowed")));
  }

  private static ExecutionRecord.Started started(Row r) {
    return new ExecutionRecord.Started(
        r.getString("started_event_id"),
        r.getInstant("started_at"),
        r.getString("sandbox_id"),
        r.getString("runtime"),
        r.getLong("queued_ms"));
  }

  private static ExecutionRecord.Completed completed(Row r) {
    Instant endedAt = r.getInstant("ended_at");
    return new ExecutionRecord.Completed(
        r.getString("completed_event_id"),
        endedAt,
        ExecutionStatus.valueOf(r.getString("outcome")),
        r.isNull("exit_code") ? null : r.getInt("exit_code"),
        r.getBoolean("timed_out"),
        r.getLong("duration_ms"),
        r.getLong("cpu_time_ms"),
        r.getLong("peak_memory_bytes"),
        r.getString("stdout_excerpt"),
        r.getString("stderr_excerpt"),
        r.getBoolean("output_truncated"),
        r.getString("error_message"));
  }
}
