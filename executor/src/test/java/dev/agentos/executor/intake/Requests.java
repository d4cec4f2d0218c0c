package dev.agentos.executor.intake;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionRequested;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Execution requests for tests: a Python print, 5 s of wall time, no network. */
public final class Requests {

  private Requests() {}

  public static EventHeader header() {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.parse("2026-12-08T00:00:00Z"))
        .setTenantId("tenant")
        .setProjectId("project")
        .setAgentId("agent")
        .setSource("test")
        .build();
  }

  public static ExecutionRequested request(String executionId) {
    return ExecutionRequested.newBuilder()
        .setHeader(header())
        .setExecutionId(executionId)
        .setLanguage("python")
        .setCode("print(1)")
        .setFiles(Map.of())
        .setEnvironment(Map.of())
        .setLimits(
            ExecutionLimits.newBuilder()
                .setCpuTimeMs(1_000)
                .setMemoryBytes(64 << 20)
                .setWallTimeoutMs(5_000)
                .setMaxOutputBytes(65_536)
                .setNetworkAllowed(false)
                .build())
        .build();
  }
}
