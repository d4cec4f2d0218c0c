package dev.agentos.projections.executions;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.agentos.projections.memory.AsyncStatements;
import dev.agentos.readmodels.executions.ExecutionRecord;
import dev.agentos.readmodels.executions.ExecutionSchema;
import dev.agentos.readmodels.suggestions.SuggestionRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The executions and suggestions tables in Cassandra ({@link ExecutionSchema}): each write an
 * update of its own part's columns {@code USING TIMESTAMP} its write time, never a read, the
 * batch's statements concurrently. A request and a proposal also enter their session's list.
 */
final class CassandraExecutionTables {

  private static final String EXECUTION =
      " WHERE tenant_id = ? AND project_id = ? AND execution_id = ?";
  private static final String SUGGESTION =
      " WHERE tenant_id = ? AND project_id = ? AND suggestion_id = ?";

  private final CqlSession session;
  private final PreparedStatement requested;
  private final PreparedStatement requestedInSession;
  private final PreparedStatement started;
  private final PreparedStatement completed;
  private final PreparedStatement proposed;
  private final PreparedStatement proposedInSession;
  private final PreparedStatement outcome;
  private final PreparedStatement asked;
  private final PreparedStatement done;

  /**
   * @param session a session on the keyspace holding the tables
   */
  CassandraExecutionTables(CqlSession session) {
    this.session = session;
    this.requested =
        update(
            ExecutionSchema.EXECUTIONS,
            "requested_event_id = ?, requested_at = ?, session_id = ?, agent_id = ?,"
                + " suggestion_id = ?, language = ?, language_version = ?, environment_names = ?,"
                + " cpu_time_limit_ms = ?, memory_limit_bytes = ?, wall_timeout_ms = ?,"
                + " max_output_bytes = ?, network_allowed = ?",
            EXECUTION);
    this.requestedInSession =
        index(ExecutionSchema.EXECUTIONS_BY_SESSION, "requested_at", "execution_id");
    this.started =
        update(
            ExecutionSchema.EXECUTIONS,
            "started_event_id = ?, started_at = ?, sandbox_id = ?, runtime = ?, queued_ms = ?",
            EXECUTION);
    this.completed =
        update(
            ExecutionSchema.EXECUTIONS,
            "completed_event_id = ?, ended_at = ?, outcome = ?, exit_code = ?, timed_out = ?,"
                + " duration_ms = ?, cpu_time_ms = ?, peak_memory_bytes = ?, stdout_excerpt = ?,"
                + " stderr_excerpt = ?, output_truncated = ?, error_message = ?",
            EXECUTION);
    this.proposed =
        update(
            ExecutionSchema.SUGGESTIONS,
            "proposed_event_id = ?, proposed_at = ?, session_id = ?, agent_id = ?, turn_id = ?,"
                + " language = ?, file_path = ?, format = ?, code = ?, code_truncated = ?,"
                + " rationale = ?, confidence = ?",
            SUGGESTION);
    this.proposedInSession =
        index(ExecutionSchema.SUGGESTIONS_BY_SESSION, "proposed_at", "suggestion_id");
    this.outcome =
        update(
            ExecutionSchema.SUGGESTIONS,
            "outcome_event_id = ?, outcome_at = ?, outcome = ?, outcome_reason = ?,"
                + " edited_code = ?, edited_code_truncated = ?",
            SUGGESTION);
    this.asked =
        update(
            ExecutionSchema.SUGGESTIONS,
            "requested_event_id = ?, requested_at = ?, execution_id = ?, test_command = ?,"
                + " test_framework = ?",
            SUGGESTION + " AND verification_id = ?");
    this.done =
        update(
            ExecutionSchema.SUGGESTIONS,
            "completed_event_id = ?, completed_at = ?, completed_execution_id = ?, verdict = ?,"
                + " tests_run = ?, passed = ?, failed = ?, skipped = ?, passed_test_names = ?,"
                + " failed_test_names = ?, test_names_truncated = ?",
            SUGGESTION + " AND verification_id = ?");
  }

  void write(List<ExecutionWrite> writes) {
    List<BoundStatement> statements = new ArrayList<>();
    for (ExecutionWrite write : writes) {
      statements.addAll(bind(write));
    }
    AsyncStatements.run(session, statements);
  }

  private List<BoundStatement> bind(ExecutionWrite write) {
    ExecutionWrite.Key k = write.key();
    long at = write.writeTime();
    if (write instanceof ExecutionWrite.Requested w) {
      ExecutionRecord.Requested r = w.part();
      BoundStatement row =
          requested.bind(
              at,
              r.eventId(),
              r.at(),
              r.sessionId(),
              r.agentId(),
              r.suggestionId(),
              r.language(),
              r.languageVersion(),
              r.environmentNames(),
              r.limits().cpuTimeMs(),
              r.limits().memoryBytes(),
              r.limits().wallTimeoutMs(),
              r.limits().maxOutputBytes(),
              r.limits().networkAllowed(),
              k.tenantId(),
              k.projectId(),
              k.id());
      return r.sessionId() == null
          ? List.of(row)
          : List.of(row, inSession(requestedInSession, k, r.sessionId(), r.at(), at));
    }
    if (write instanceof ExecutionWrite.Started w) {
      ExecutionRecord.Started s = w.part();
      return List.of(
          started.bind(
              at,
              s.eventId(),
              s.at(),
              s.sandboxId(),
              s.runtime(),
              s.queuedMs(),
              k.tenantId(),
              k.projectId(),
              k.id()));
    }
    if (write instanceof ExecutionWrite.Completed w) {
      ExecutionRecord.Completed c = w.part();
      return List.of(
          completed.bind(
              at,
              c.eventId(),
              c.at(),
              c.outcome().name(),
              c.exitCode(),
              c.timedOut(),
              c.durationMs(),
              c.cpuTimeMs(),
              c.peakMemoryBytes(),
              c.stdoutExcerpt(),
              c.stderrExcerpt(),
              c.outputTruncated(),
              c.errorMessage(),
              k.tenantId(),
              k.projectId(),
              k.id()));
    }
    if (write instanceof ExecutionWrite.Proposed w) {
      SuggestionRecord.Proposed p = w.part();
      BoundStatement partition =
          proposed.bind(
              at,
              p.eventId(),
              p.at(),
              p.sessionId(),
              p.agentId(),
              p.turnId(),
              p.language(),
              p.filePath(),
              p.format().name(),
              p.code(),
              p.codeTruncated(),
              p.rationale(),
              p.confidence(),
              k.tenantId(),
              k.projectId(),
              k.id());
      return p.sessionId() == null
          ? List.of(partition)
          : List.of(partition, inSession(proposedInSession, k, p.sessionId(), p.at(), at));
    }
    if (write instanceof ExecutionWrite.OutcomeRecorded w) {
      SuggestionRecord.OutcomeRecorded o = w.part();
      return List.of(
          outcome.bind(
              at,
              o.eventId(),
              o.at(),
              o.outcome().name(),
              o.reason(),
              o.editedCode(),
              o.editedCodeTruncated(),
              k.tenantId(),
              k.projectId(),
              k.id()));
    }
    if (write instanceof ExecutionWrite.VerificationAsked w) {
      SuggestionRecord.VerificationAsked v = w.part();
      return List.of(
          asked.bind(
              at,
              v.eventId(),
              v.at(),
              v.executionId(),
              v.testCommand(),
              v.testFramework(),
              k.tenantId(),
              k.projectId(),
              k.id(),
              w.verificationId()));
    }
    if (write instanceof ExecutionWrite.VerificationDone w) {
      SuggestionRecord.VerificationDone v = w.part();
      return List.of(
          done.bind(
              at,
              v.eventId(),
              v.at(),
              v.executionId(),
              v.verdict().name(),
              v.testsRun(),
              v.passed(),
              v.failed(),
              v.skipped(),
              v.passedTestNames(),
              v.failedTestNames(),
              v.testNamesTruncated(),
              k.tenantId(),
              k.projectId(),
              k.id(),
              w.verificationId()));
    }
    throw new IllegalArgumentException("no statement for " + write);
  }

  private PreparedStatement update(String table, String set, String where) {
    return session.prepare("UPDATE " + table + " USING TIMESTAMP ? SET " + set + where);
  }

  private PreparedStatement index(String table, String timeColumn, String idColumn) {
    return session.prepare(
        "INSERT INTO "
            + table
            + " (tenant_id, project_id, session_id, "
            + timeColumn
            + ", "
            + idColumn
            + ") VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?");
  }

  private static BoundStatement inSession(
      PreparedStatement index,
      ExecutionWrite.Key k,
      String sessionId,
      java.time.Instant listedAt,
      long writeTime) {
    return index.bind(k.tenantId(), k.projectId(), sessionId, listedAt, k.id(), writeTime);
  }
}
