package dev.agentos.client;

import dev.agentos.client.command.CommandResult;
import dev.agentos.client.executor.CompleteExecution;
import dev.agentos.client.executor.CompleteVerification;
import dev.agentos.client.executor.RecordedVerification;
import dev.agentos.client.executor.RunReport;
import dev.agentos.client.executor.StartExecution;
import dev.agentos.client.executor.StartedExecution;
import java.util.HashMap;
import java.util.Map;

/**
 * The command side's endpoints for the executor (ADR 0013), called with its EXECUTOR key: each
 * names the tenant of the execution in {@value #TENANT}. A transition made already answers 409 with
 * a problem type naming it ({@code already-started}, {@code already-ended}, ...).
 */
public final class ExecutorApi {

  public static final String TENANT = "X-Tenant-Id";

  private final Endpoint endpoint;

  ExecutorApi(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  public StartedExecution start(String tenantId, String executionId, StartExecution start) {
    return endpoint.call(
        "POST",
        executionPath(executionId) + "/start",
        start,
        Map.of(TENANT, tenantId),
        Json.MAPPER.constructType(StartedExecution.class));
  }

  public CommandResult complete(String tenantId, String executionId, CompleteExecution end) {
    return post(tenantId, executionPath(executionId) + "/complete", end);
  }

  public CommandResult timeOut(String tenantId, String executionId, RunReport report) {
    return post(tenantId, executionPath(executionId) + "/timeout", Map.of("report", report));
  }

  /** Ends it as a sandbox error, before its start too; {@code report} may be null. */
  public CommandResult fail(
      String tenantId, String executionId, String errorMessage, RunReport report) {
    Map<String, Object> body = new HashMap<>();
    body.put("errorMessage", errorMessage);
    if (report != null) {
      body.put("report", report);
    }
    return post(tenantId, executionPath(executionId) + "/fail", body);
  }

  public RecordedVerification completeVerification(
      String tenantId, String verificationId, CompleteVerification result) {
    return endpoint.call(
        "POST",
        "/v1/verifications/" + Endpoint.segment(verificationId) + "/complete",
        result,
        Map.of(TENANT, tenantId),
        Json.MAPPER.constructType(RecordedVerification.class));
  }

  private CommandResult post(String tenantId, String path, Object body) {
    return endpoint.call(
        "POST",
        path,
        body,
        Map.of(TENANT, tenantId),
        Json.MAPPER.constructType(CommandResult.class));
  }

  private static String executionPath(String executionId) {
    return "/v1/executions/" + Endpoint.segment(executionId);
  }
}
