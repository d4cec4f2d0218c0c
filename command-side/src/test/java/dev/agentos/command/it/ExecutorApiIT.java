package dev.agentos.command.it;

import static dev.agentos.command.it.PublishedRecords.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.auth.ApiKeys;
import dev.agentos.command.CommandOrigin;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.it.ApiClient.Response;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.agents.ApiKeyScope;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.ExecutionStarted;
import dev.agentos.events.executions.ResourceLimit;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.streams.StreamIds;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The executor's API against the real stack, as the executor uses it: one EXECUTOR key of the
 * platform tenant drives another tenant's and its own tenant's executions and verifications. An
 * application of its own publishes (under a transactional id of its own), so what reaches Kafka is
 * checked too: the execution topic as the publisher writes it (RAW; dedup copies it on).
 */
@ExtendWith(LocalStackExtension.class)
class ExecutorApiIT {

  private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(60);
  private static final String SECRET = "s3cr3t-" + UUID.randomUUID();
  private static final Map<String, Object> REPORT =
      Map.of(
          "durationMs",
          120,
          "cpuTimeMs",
          80,
          "peakMemoryBytes",
          9_000_000,
          "stdoutExcerpt",
          "ok\n",
          "stderrExcerpt",
          "",
          "outputTruncated",
          false);

  private static RunningCommandSide app;
  private static StackEndpoints stack;
  private static ApiClient executor;

  @BeforeAll
  static void start(StackEndpoints endpoints) {
    stack = endpoints;
    app =
        RunningCommandSide.start(
            stack,
            "--agentos.publisher.transactional-id=it-executor-" + UUID.randomUUID(),
            "--agentos.dedup.enabled=false");
    executor = app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.EXECUTOR));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theExecutorDrivesARequestToItsEndAndOnlyTheStartAnswerHoldsTheSecret() {
    SchemaRegistryClient registry = SchemaRegistryClient.connect(stack.schemaRegistryUrl());
    try (KafkaConsumer<String, byte[]> kafka =
        PublishedRecords.fromNow(stack, Topics.EXECUTIONS_RAW)) {
      String executionId = request(agentKey(app.tenantId()));
      JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
      assertThat(storedPayloads(jdbc, executionId)).isNotEmpty().noneMatch(p -> p.contains(SECRET));
      byte[] sealed = sealedOf(jdbc, app.tenantId(), executionId);
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);

      Response started = start(app.tenantId(), executionId);
      assertThat(started.status()).as(started.toString()).isEqualTo(200);
      assertThat(started.json().get("environment").get("API_TOKEN").asText()).isEqualTo(SECRET);
      assertThat(started.json().get("version").asLong()).isEqualTo(1);
      assertThat(started.header("Cache-Control")).contains("no-store");

      Response again = start(app.tenantId(), executionId);
      assertThat(again.status()).as(again.toString()).isEqualTo(409);
      assertThat(again.json().get("type").asText()).endsWith("/already-started");
      assertThat(again.raw().body()).doesNotContain(SECRET);

      Response completed =
          executor.send(
              "POST",
              "/v1/executions/" + executionId + "/complete",
              Map.of("outcome", "SUCCEEDED", "exitCode", 0, "report", REPORT),
              Map.of("X-Tenant-Id", app.tenantId(), "X-Trace-Id", "trace-1"));
      assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
      assertThat(completed.json().get("version").asLong()).isEqualTo(2);
      assertThat(sealedRows(jdbc, app.tenantId(), executionId)).as("forgotten at the end").isZero();
      Response late = fail(app.tenantId(), executionId, "too late");
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("type").asText()).endsWith("/already-ended");

      List<ConsumerRecord<String, byte[]>> records = awaitRecords(kafka, executionId, 3);
      assertThat(records)
          .noneMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(SECRET));
      List<SpecificRecord> events = records.stream().map(r -> decode(registry, r)).toList();
      assertThat(events)
          .extracting(e -> (Object) e.getClass())
          .containsExactly(
              ExecutionRequested.class, ExecutionStarted.class, ExecutionCompleted.class);
      ExecutionRequested requested = (ExecutionRequested) events.get(0);
      assertThat(requested.getEnvironment()).containsExactly(Map.entry("API_TOKEN", "[redacted]"));
      ExecutionCompleted end = (ExecutionCompleted) events.get(2);
      assertThat(end.getOutcome()).isEqualTo(ExecutionOutcome.SUCCEEDED);
      assertThat(end.getExitCode()).isZero();
      assertThat(end.getHeader().getSessionId()).isEqualTo("session-1");
      assertThat(end.getHeader().getTraceId()).isEqualTo("trace-1");
      assertThat(records).extracting(ConsumerRecord::key).containsOnly("session-1");
    }
  }

  @Test
  void oneExecutorKeyServesEveryTenantAndAWrongTenantFindsNothing() {
    String otherTenant = "it-other-" + UUID.randomUUID();
    String executionId = request(agentKey(otherTenant));

    Response missingTenant = executor.post("/v1/executions/" + executionId + "/start", startBody());
    assertThat(missingTenant.status()).as(missingTenant.toString()).isEqualTo(422);
    assertThat(missingTenant.json().get("field").asText()).isEqualTo("X-Tenant-Id");
    Response wrongTenant = start(app.tenantId(), executionId);
    assertThat(wrongTenant.status()).isEqualTo(404);
    assertThat(wrongTenant.json().get("detail").asText()).isEqualTo("nothing with this id");

    Response started = start(otherTenant, executionId);
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(started.json().get("environment").get("API_TOKEN").asText()).isEqualTo(SECRET);
    Response killed =
        executor.send(
            "POST",
            "/v1/executions/" + executionId + "/complete",
            Map.of("outcome", "LIMIT_EXCEEDED", "exceededLimit", "MEMORY", "report", REPORT),
            Map.of("X-Tenant-Id", otherTenant));
    assertThat(killed.status()).as(killed.toString()).isEqualTo(200);
    ExecutionCompleted end = (ExecutionCompleted) eventsIn(otherTenant, executionId).get(2);
    assertThat(end.getOutcome()).isEqualTo(ExecutionOutcome.LIMIT_EXCEEDED);
    assertThat(end.getExceededLimit()).isEqualTo(ResourceLimit.MEMORY);
    assertThat(end.getErrorMessage()).startsWith("killed at the memory limit of");
  }

  @Test
  void anExecutionMayFailBeforeItsStartAndTimeOutOnlyAfterIt() {
    String executionId = request(agentKey(app.tenantId()));

    Response early =
        executor.send(
            "POST",
            "/v1/executions/" + executionId + "/timeout",
            Map.of("report", REPORT),
            Map.of("X-Tenant-Id", app.tenantId()));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("type").asText()).endsWith("/not-started");
    Response failed = fail(app.tenantId(), executionId, "deadline passed in the queue");
    assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
    ExecutionCompleted end = (ExecutionCompleted) app.events(executionId).get(1);
    assertThat(end.getOutcome()).isEqualTo(ExecutionOutcome.SANDBOX_ERROR);
    assertThat(end.getErrorMessage()).isEqualTo("deadline passed in the queue");
    assertThat(sealedRows(app.bean(JdbcTemplate.class), app.tenantId(), executionId)).isZero();
  }

  @Test
  void onlyTheExecutorsKeyMayDriveExecutionsAndOnlyThePlatformTenantIssuesIt() {
    String executionId = request(agentKey(app.tenantId()));
    for (ApiClient other :
        List.of(app.admin(), app.as(TenantKeys.inOwnTenant(app, ApiKeyScope.EXECUTIONS_RUN)))) {
      Response refused =
          other.send(
              "POST",
              "/v1/executions/" + executionId + "/start",
              startBody(),
              Map.of("X-Tenant-Id", app.tenantId()));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).contains("EXECUTOR");
    }
    assertThat(app.events(executionId)).hasSize(1);

    ApiClient otherAdmin = app.as(TenantKeys.inAnotherTenant(app, ApiKeyScope.ADMIN));
    String agentId = "agent-" + UUID.randomUUID();
    otherAdmin.post("/v1/agents", Map.of("agentId", agentId, "displayName", "x", "client", "x"));
    Response notPlatform =
        otherAdmin.post("/v1/agents/" + agentId + "/keys", Map.of("scopes", List.of("EXECUTOR")));
    assertThat(notPlatform.status()).as(notPlatform.toString()).isEqualTo(403);
    Response notAlone =
        app.admin()
            .post(
                "/v1/agents/admin-" + app.tenantId() + "/keys",
                Map.of("scopes", List.of("EXECUTOR", "QUERY_READ")));
    assertThat(notAlone.status()).as(notAlone.toString()).isEqualTo(422);
  }

  @Test
  void aVerificationCompletesOnceAfterItsExecutionEnded() {
    String suggestionId = "sugg-" + UUID.randomUUID();
    Response proposed = app.admin().post("/v1/suggestions", suggestionBody(suggestionId));
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    JsonNode accepted =
        app.admin()
            .post(
                "/v1/suggestions/" + suggestionId + "/verify",
                Map.of(
                    "testCommand", "pytest -q",
                    "testFramework", "pytest",
                    "files", Map.of("test_calc.py", "from calc import add\n")))
            .json();
    String verificationId = accepted.get("verificationId").asText();
    String executionId = accepted.get("executionId").asText();
    ExecutionRequested requested = (ExecutionRequested) app.events(executionId).get(0);
    assertThat(requested.getVerificationId()).isEqualTo(verificationId);
    assertThat(requested.getTestFramework()).isEqualTo("pytest");
    Map<String, Object> result =
        Map.of(
            "executionId",
            executionId,
            "verdict",
            "FAILED",
            "tests",
            List.of(
                Map.of("name", "test_calc.py::test_add", "result", "FAILED"),
                Map.of("name", "test_calc.py::test_zero", "result", "PASSED")));

    Response early = completeVerification(verificationId, result);
    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    assertThat(early.json().get("type").asText()).endsWith("/not-ended");
    assertThat(start(app.tenantId(), executionId).status()).isEqualTo(200);
    assertThat(
            executor
                .send(
                    "POST",
                    "/v1/executions/" + executionId + "/complete",
                    Map.of("outcome", "FAILED", "exitCode", 1, "report", REPORT),
                    Map.of("X-Tenant-Id", app.tenantId()))
                .status())
        .isEqualTo(200);

    Response completed = completeVerification(verificationId, result);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().get("suggestionId").asText()).isEqualTo(suggestionId);
    Response again = completeVerification(verificationId, result);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().get("type").asText()).endsWith("/already-completed");
    Response unknown = completeVerification("verif-" + UUID.randomUUID(), result);
    assertThat(unknown.status()).isEqualTo(404);

    List<Object> suggestion = app.events(suggestionId);
    assertThat(suggestion).hasSize(3).last().isInstanceOf(VerificationCompleted.class);
    VerificationCompleted verdict = (VerificationCompleted) suggestion.get(2);
    assertThat(verdict.getTestsRun()).isEqualTo(2);
    assertThat(verdict.getFailedTestNames()).containsExactly("test_calc.py::test_add");
    assertThat(verdict.getPassedTestNames()).containsExactly("test_calc.py::test_zero");
  }

  private static Response completeVerification(String verificationId, Map<String, Object> body) {
    return executor.send(
        "POST",
        "/v1/verifications/" + verificationId + "/complete",
        body,
        Map.of("X-Tenant-Id", app.tenantId()));
  }

  private static Map<String, Object> suggestionBody(String suggestionId) {
    return Map.of(
        "suggestionId", suggestionId,
        "language", "python",
        "filePath", "calc.py",
        "format", "FULL_FILE",
        "code", "def add(a, b):\n    return a - b\n");
  }

  /** An execution with a secret in its environment, requested in {@code key}'s session-1. */
  private static String request(String key) {
    String executionId = "exec-" + UUID.randomUUID();
    Response queued =
        app.as(key)
            .send(
                "POST",
                "/v1/executions",
                Map.of(
                    "executionId",
                    executionId,
                    "language",
                    "python",
                    "code",
                    "import os; print(len(os.environ['API_TOKEN']))",
                    "environment",
                    Map.of("API_TOKEN", SECRET)),
                Map.of("X-Session-Id", "session-1"));
    assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
    return executionId;
  }

  private static Response start(String tenantId, String executionId) {
    return executor.send(
        "POST",
        "/v1/executions/" + executionId + "/start",
        startBody(),
        Map.of("X-Tenant-Id", tenantId));
  }

  private static Response fail(String tenantId, String executionId, String why) {
    return executor.send(
        "POST",
        "/v1/executions/" + executionId + "/fail",
        Map.of("errorMessage", why),
        Map.of("X-Tenant-Id", tenantId));
  }

  private static Map<String, Object> startBody() {
    return Map.of("sandboxId", "sandbox-it", "runtime", "python:3");
  }

  /** An EXECUTIONS_RUN key of a new agent of {@code tenantId}, made through the command gateway. */
  private static String agentKey(String tenantId) {
    CommandGateway commands = app.bean(CommandGateway.class);
    String agentId = "agent-" + UUID.randomUUID();
    CommandOrigin origin = new CommandOrigin(tenantId, "it-project", "it-setup", null, null);
    commands.sendAndWait(
        new RegisterAgentCommand(agentId, "agent", "it", null, List.of(), Map.of(), origin));
    String key = ApiKeys.generate();
    commands.sendAndWait(
        new IssueApiKeyCommand(
            agentId,
            UUID.randomUUID().toString(),
            ApiKeys.hash(key),
            ApiKeys.displayPrefix(key),
            Set.of(ApiKeyScope.EXECUTIONS_RUN),
            "it",
            null,
            origin));
    return key;
  }

  private static List<Object> eventsIn(String tenantId, String id) {
    return app.bean(org.axonframework.eventsourcing.eventstore.EventStore.class)
        .readEvents(StreamIds.of(tenantId, id))
        .asStream()
        .<Object>map(org.axonframework.eventhandling.EventMessage::getPayload)
        .toList();
  }

  /**
   * The stored payloads of the execution's events as text, as anyone reading the table sees them.
   */
  private static List<String> storedPayloads(JdbcTemplate jdbc, String executionId) {
    return jdbc
        .queryForList(
            "SELECT payload FROM domainEventEntry WHERE right(aggregateIdentifier, ?) = ?",
            byte[].class,
            executionId.length() + 1,
            "/" + executionId)
        .stream()
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .toList();
  }

  private static byte[] sealedOf(JdbcTemplate jdbc, String tenantId, String executionId) {
    return jdbc.queryForObject(
        "SELECT sealed FROM execution_environment WHERE tenant_id = ? AND execution_id = ?",
        byte[].class,
        tenantId,
        executionId);
  }

  private static int sealedRows(JdbcTemplate jdbc, String tenantId, String executionId) {
    Integer rows =
        jdbc.queryForObject(
            "SELECT count(*) FROM execution_environment WHERE tenant_id = ? AND execution_id = ?",
            Integer.class,
            tenantId,
            executionId);
    return rows == null ? 0 : rows;
  }

  /** The execution's records, waited for until there are {@code count}, in published order. */
  private static List<ConsumerRecord<String, byte[]>> awaitRecords(
      KafkaConsumer<String, byte[]> kafka, String executionId, int count) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    await()
        .atMost(PUBLISHED_WITHIN)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              kafka.poll(Duration.ofMillis(200)).forEach(seen::add);
              return ofExecution(seen, executionId).size() >= count;
            });
    return ofExecution(seen, executionId);
  }

  private static List<ConsumerRecord<String, byte[]>> ofExecution(
      List<ConsumerRecord<String, byte[]>> records, String executionId) {
    return records.stream()
        .filter(r -> PublishedRecords.header(r, "agentos.aggregate-id") != null)
        .filter(
            r ->
                StreamIds.idOf(PublishedRecords.header(r, "agentos.aggregate-id"))
                    .equals(executionId))
        .toList();
  }
}
