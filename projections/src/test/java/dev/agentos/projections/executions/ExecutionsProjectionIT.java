package dev.agentos.projections.executions;

import static dev.agentos.projections.it.ProjectionStage.PROJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.interactions.SuggestionOutcome;
import dev.agentos.projections.it.ProjectionStage;
import dev.agentos.projections.it.TransactionalPublisher;
import dev.agentos.readmodels.executions.Execution;
import dev.agentos.readmodels.executions.ExecutionReader;
import dev.agentos.readmodels.executions.ExecutionStatus;
import dev.agentos.readmodels.executions.ExecutionSummary;
import dev.agentos.readmodels.suggestions.Suggestion;
import dev.agentos.readmodels.suggestions.SuggestionReader;
import dev.agentos.readmodels.suggestions.Verification;
import dev.agentos.readmodels.suggestions.VerificationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code executions-cassandra} projection on the real stack, alone, reading an executions topic
 * and an interactions topic of this run into a keyspace of this run, published in Kafka
 * transactions in the registry's wire format. Each execution's and suggestion's events are
 * published out of order (a completion before its start and request, a verification's result before
 * its request, verifications before the proposal), and end as the lifecycle says; a redelivered
 * event and an aborted transaction change nothing; a replay rebuilds the same answers.
 *
 * <p>One processor reads both topics, in no order relative to each other: what is awaited is each
 * topic's own last record, after which every earlier record of that topic has been applied.
 */
@ExtendWith(LocalStackExtension.class)
class ExecutionsProjectionIT {

  private static final Instant T0 = Instant.parse("2026-12-08T01:00:00Z");

  private final ExecutionEvents p1 = new ExecutionEvents("tenant-" + UUID.randomUUID(), "p1");

  /** The same tenant's other project, with an execution of the same id. */
  private final ExecutionEvents p2 = new ExecutionEvents(p1.tenant, "p2");

  @Test
  void lifecyclesEndTheSameInAnyOrderOnceAndAReplayRebuildsThem(StackEndpoints stack)
      throws Exception {
    try (ProjectionStage stage =
            ProjectionStage.open(
                stack, ExecutionsProjection.GROUP, "executions", "executions", "interactions");
        TransactionalPublisher publisher = stage.publisher()) {
      String executions = stage.topic("executions");
      String interactions = stage.topic("interactions");
      ExecutionCompleted e1Done = p1.completed("e1", ExecutionOutcome.FAILED, 1, T0.plusSeconds(3));
      VerificationCompleted v1Done =
          p1.verificationCompleted(
              "v1", "s1", "e-v1", List.of("test_sub"), List.of("test_add"), T0.plusSeconds(20));
      publisher.committed(
          executions,
          e1Done,
          p1.started("e1", T0.plusSeconds(1)),
          p1.requested("e1", "s1", T0),
          p1.requested("e2", null, T0.plusSeconds(5)),
          v1Done,
          p1.verificationRequested("v1", "s1", "e-v1", T0.plusSeconds(10)),
          p1.verificationRequested("v2", "s1", "e-v2", T0.plusSeconds(30)),
          p1.verificationCompleted(
              "v2", "s1", "e-v2", List.of("test_add", "test_sub"), List.of(), T0.plusSeconds(40)),
          p2.requested("e1", null, T0));
      publisher.committed(
          interactions,
          p1.outcome("s1", SuggestionOutcome.ACCEPTED, T0.plusSeconds(50)),
          p1.proposed("s1", T0.minusSeconds(5)));

      try (ConfigurableApplicationContext app = stage.start();
          CqlSession session = stage.session()) {
        ExecutionReader executionReader = new ExecutionReader(session);
        SuggestionReader suggestionReader = new SuggestionReader(session);
        await()
            .atMost(PROJECTED)
            .untilAsserted(
                () -> {
                  assertThat(status(executionReader, "p1", "e1")).contains(ExecutionStatus.FAILED);
                  assertThat(status(executionReader, "p2", "e1")).contains(ExecutionStatus.QUEUED);
                  assertThat(
                          suggestionReader
                              .suggestion(p1.tenant, "p1", "s1")
                              .map(Suggestion::language))
                      .contains("python");
                  assertThat(sessionList(executionReader)).hasSize(2);
                });
        Execution e1 = executionReader.execution(p1.tenant, "p1", "e1").orElseThrow();
        assertThat(List.of(e1.requestedAt(), e1.startedAt(), e1.endedAt()))
            .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3));
        assertThat(e1.runtime()).isEqualTo("python:3.12.4");
        assertThat(e1.exitCode()).isEqualTo(1);
        assertThat(e1.environmentNames()).containsExactly("API_URL", "TOKEN");
        assertThat(sessionList(executionReader))
            .extracting(ExecutionSummary::executionId, ExecutionSummary::status)
            .as("newest request first")
            .containsExactly(
                tuple("e2", ExecutionStatus.QUEUED), tuple("e1", ExecutionStatus.FAILED));
        Suggestion s1 = suggestionReader.suggestion(p1.tenant, "p1", "s1").orElseThrow();
        assertThat(s1.verifications())
            .extracting(Verification::verificationId, Verification::status)
            .containsExactly(
                tuple("v1", VerificationStatus.FAILED), tuple("v2", VerificationStatus.PASSED));
        assertThat(s1.verifications().get(0).failedTestNames()).containsExactly("test_add");
        assertThat(s1.outcome().outcome()).isEqualTo(SuggestionOutcome.ACCEPTED);
        assertThat(suggestionReader.bySession(p1.tenant, "p1", "session-1", 10, null).items())
            .hasSize(1);
        assertThat(executionReader.execution(p1.tenant, "p1", "none")).isEmpty();
        List<Object> projected = all(executionReader, suggestionReader);

        // Redeliveries, and a later completion that the command side aborted; then a marker on
        // each topic, which shows once its topic has been read.
        publisher.committed(executions, e1Done, v1Done);
        publisher.aborted(
            executions, p1.completed("e1", ExecutionOutcome.SUCCEEDED, 0, T0.plusSeconds(99)));
        publisher.committed(executions, p1.requested("marker", null, T0));
        publisher.committed(interactions, p1.proposed("marker", T0));
        await().atMost(PROJECTED).until(() -> markersShown(executionReader, suggestionReader));
        assertThat(all(executionReader, suggestionReader)).isEqualTo(projected);

        stage.replayed(app, () -> markersShown(executionReader, suggestionReader));
        assertThat(all(executionReader, suggestionReader)).isEqualTo(projected);
      }
    }
  }

  private Optional<ExecutionStatus> status(ExecutionReader reader, String project, String id) {
    return reader.execution(p1.tenant, project, id).map(Execution::status);
  }

  private List<ExecutionSummary> sessionList(ExecutionReader reader) {
    return reader.bySession(p1.tenant, "p1", "session-1", 10, null).items().stream()
        .filter(e -> !e.executionId().equals("marker"))
        .toList();
  }

  private boolean markersShown(ExecutionReader executions, SuggestionReader suggestions) {
    return executions.execution(p1.tenant, "p1", "marker").isPresent()
        && suggestions.suggestion(p1.tenant, "p1", "marker").isPresent();
  }

  private List<Object> all(ExecutionReader executions, SuggestionReader suggestions) {
    return List.of(
        executions.execution(p1.tenant, "p1", "e1"),
        executions.execution(p1.tenant, "p1", "e2"),
        executions.execution(p1.tenant, "p2", "e1"),
        sessionList(executions),
        suggestions.suggestion(p1.tenant, "p1", "s1"));
  }
}
