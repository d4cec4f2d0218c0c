package dev.agentos.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.it.ApiClient.Response;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.schemas.streams.StreamIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Executions and suggestion verification over HTTP against the real stack; what was stored is read
 * back from the PostgreSQL event store, so "nothing changed" is checked where it would show.
 */
@ExtendWith({LocalStackExtension.class, CommandSideExtension.class})
class ExecutionApiIT {

  private static final String CODE = "def add(a, b):\n    return a + b\n";
  private static final String TESTS =
      "from calc import add\n\ndef test_add():\n    assert add(1, 2) == 3\n";

  @Test
  void anExecutionIsQueuedAtVersionZeroWithTheDefaultLimits(RunningCommandSide app) {
    String executionId = "exec-" + UUID.randomUUID();
    Response queued =
        app.admin()
            .post(
                "/v1/executions",
                Map.of("executionId", executionId, "language", "python", "code", "print(1)"));

    assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
    assertThat(queued.header("Location")).endsWith("/v1/executions/" + executionId);
    assertThat(queued.header("ETag")).isEqualTo("\"0\"");
    assertThat(queued.json().get("version").asLong()).isZero();
    assertThat(queued.json().get("status").asText()).isEqualTo("QUEUED");
    List<Object> stored = events(app, executionId);
    assertThat(stored).singleElement().isInstanceOf(ExecutionRequested.class);
    ExecutionRequested requested = (ExecutionRequested) stored.get(0);
    assertThat(requested.getHeader().getTenantId()).isEqualTo(app.tenantId());
    assertThat(requested.getLimits().getWallTimeoutMs()).isEqualTo(30_000);
    assertThat(requested.getLimits().getNetworkAllowed()).isFalse();
  }

  @Test
  void aLimitAboveTheConfiguredMaximumIsRefusedNamingItAndStoresNothing(RunningCommandSide app) {
    String executionId = "exec-" + UUID.randomUUID();
    Response refused =
        app.admin()
            .post(
                "/v1/executions",
                Map.of(
                    "executionId",
                    executionId,
                    "language",
                    "python",
                    "code",
                    "print(1)",
                    "limits",
                    Map.of("wallTimeoutMs", 10_000_000)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("limits.wallTimeoutMs");
    assertThat(events(app, executionId)).isEmpty();
  }

  @Test
  void aLimitThatIsNotPositiveIsRefusedNamingIt(RunningCommandSide app) {
    Response refused =
        app.admin()
            .post(
                "/v1/executions",
                Map.of("language", "python", "code", "x", "limits", Map.of("cpuTimeMs", 0)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("limits.cpuTimeMs");
  }

  @Test
  void aRunWithNetworkIsRefused(RunningCommandSide app) {
    Response refused =
        app.admin()
            .post(
                "/v1/executions",
                Map.of(
                    "language", "python", "code", "x", "limits", Map.of("networkAllowed", true)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("detail").asText()).contains("the sandbox has no network");
  }

  @Test
  void aProposedSuggestionIsVerifiedByANewExecutionOfItsCode(RunningCommandSide app) {
    String suggestionId = propose(app);

    Response accepted =
        app.admin()
            .post(
                "/v1/suggestions/" + suggestionId + "/verify",
                Map.of(
                    "testCommand", "pytest -q",
                    "testFramework", "pytest",
                    "files", Map.of("test_calc.py", TESTS)));

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    JsonNode body = accepted.json();
    assertThat(body.get("suggestionId").asText()).isEqualTo(suggestionId);
    assertThat(body.get("version").asLong()).isEqualTo(1);
    String executionId = body.get("executionId").asText();
    List<Object> suggestion = events(app, suggestionId);
    assertThat(suggestion).hasSize(2).last().isInstanceOf(VerificationRequested.class);
    VerificationRequested verification = (VerificationRequested) suggestion.get(1);
    assertThat(verification.getVerificationId()).isEqualTo(body.get("verificationId").asText());
    assertThat(verification.getExecutionId()).isEqualTo(executionId);
    List<Object> execution = events(app, executionId);
    assertThat(execution).singleElement().isInstanceOf(ExecutionRequested.class);
    ExecutionRequested requested = (ExecutionRequested) execution.get(0);
    assertThat(requested.getSuggestionId()).isEqualTo(suggestionId);
    assertThat(requested.getCommand()).isEqualTo("pytest -q");
    assertThat(requested.getFiles())
        .containsExactlyInAnyOrderEntriesOf(Map.of("calc.py", CODE, "test_calc.py", TESTS));
  }

  @Test
  void aVerificationWhoseExecutionIsRefusedStoresNeither(RunningCommandSide app) {
    String suggestionId = propose(app);

    Response refused =
        app.admin()
            .post(
                "/v1/suggestions/" + suggestionId + "/verify",
                Map.of("testCommand", "pytest -q", "limits", Map.of("memoryBytes", 1L << 40)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("limits.memoryBytes");
    assertThat(events(app, suggestionId))
        .singleElement()
        .isInstanceOf(CodeSuggestionProposed.class);
  }

  @Test
  void anUnknownSuggestionIsNotFound(RunningCommandSide app) {
    Response refused =
        app.admin()
            .post(
                "/v1/suggestions/" + UUID.randomUUID() + "/verify", Map.of("testCommand", "make"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
  }

  @Test
  void anotherTenantsSuggestionIsNotFoundAndUnchanged(RunningCommandSide app) {
    String suggestionId = "sugg-" + UUID.randomUUID();
    String otherTenant = "it-other-" + UUID.randomUUID();
    EventHeaders headers = EventHeaders.system();
    app.bean(EventStore.class)
        .publish(
            new GenericDomainEventMessage<>(
                "Suggestion",
                StreamIds.of(otherTenant, suggestionId),
                0,
                CodeSuggestionProposed.newBuilder()
                    .setHeader(headers.next(new CommandOrigin(otherTenant, "p", "a", null, null)))
                    .setSuggestionId(suggestionId)
                    .setLanguage("python")
                    .setFormat(SuggestionFormat.SNIPPET)
                    .setCode("print(1)")
                    .build()));

    Response refused =
        app.admin()
            .post("/v1/suggestions/" + suggestionId + "/verify", Map.of("testCommand", "make"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
    assertThat(app.eventCountInAnyTenant(suggestionId)).isEqualTo(1);
  }

  @Test
  void verifyingNeedsTheExecutionsRunScope(RunningCommandSide app) {
    String agentId = "agent-" + UUID.randomUUID();
    app.admin().post("/v1/agents", Map.of("agentId", agentId, "displayName", "A", "client", "c"));
    String key =
        app.admin()
            .post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of("EVENTS_WRITE")))
            .json()
            .get("key")
            .asText();
    Response proposed =
        app.as(key).post("/v1/suggestions", suggestion("sugg-" + UUID.randomUUID()));
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);

    Response refused =
        app.as(key)
            .post(
                proposed.header("Location").replaceFirst("^.*(/v1/)", "$1") + "/verify",
                Map.of("testCommand", "make"));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().get("detail").asText()).contains("EXECUTIONS_RUN");
  }

  private static String propose(RunningCommandSide app) {
    String suggestionId = "sugg-" + UUID.randomUUID();
    Response proposed = app.admin().post("/v1/suggestions", suggestion(suggestionId));
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    assertThat(proposed.header("ETag")).isEqualTo("\"0\"");
    return suggestionId;
  }

  private static Map<String, Object> suggestion(String suggestionId) {
    return Map.of(
        "suggestionId",
        suggestionId,
        "language",
        "python",
        "filePath",
        "calc.py",
        "format",
        "FULL_FILE",
        "code",
        CODE,
        "confidence",
        0.9);
  }

  private static List<Object> events(RunningCommandSide app, String id) {
    return app.events(id);
  }
}
