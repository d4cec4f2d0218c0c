package dev.agentos.executor.run;

import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.executor.sandbox.Limits;
import dev.agentos.executor.sandbox.Runtime;
import dev.agentos.executor.sandbox.SandboxRequest;
import dev.agentos.executor.verification.VerificationPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sandbox runs for a request: its code (in the language's source file) or its files in the
 * work folder; its command through the shell, or the language's own runner; its input; the
 * environment values the command side handed over at the start (the event holds only the names);
 * and its limits, the ones the request states over the sandbox's defaults for the rest.
 */
public final class RunPlan {

  private RunPlan() {}

  public static SandboxRequest of(
      ExecutionRequested request, Runtime runtime, Map<String, String> environment) {
    Limits limits = limitsOf(request.getLimits());
    Map<String, byte[]> files = filesOf(request, runtime);
    List<String> command =
        request.getCommand() == null
            ? runtime.command(limits)
            : List.of("/bin/sh", "-c", request.getCommand());
    byte[] stdin = request.getStdin() == null ? new byte[0] : utf8(request.getStdin());
    return new SandboxRequest(command, files, stdin, environment, limits);
  }

  /**
   * What runs the tests of a verification: its plan's command (asking the runner for its report)
   * over the request's files, with the request's limits.
   *
   * @throws IllegalArgumentException if a file lies where the report is read from
   */
  public static SandboxRequest ofTests(
      ExecutionRequested request,
      Runtime runtime,
      VerificationPlan tests,
      Map<String, String> environment) {
    return tests.request(filesOf(request, runtime), environment, limitsOf(request.getLimits()));
  }

  /** The request's files, and its code in the language's source file. */
  static Map<String, byte[]> filesOf(ExecutionRequested request, Runtime runtime) {
    Map<String, byte[]> files = new HashMap<>();
    request.getFiles().forEach((path, content) -> files.put(path, utf8(content)));
    if (request.getCode() != null) {
      files.put(runtime.language().sourceFile(), utf8(request.getCode()));
    }
    return files;
  }

  static Limits limitsOf(ExecutionLimits requested) {
    return Limits.defaults()
        .withCpuTime(Duration.ofMillis(requested.getCpuTimeMs()))
        .withWallTime(Duration.ofMillis(requested.getWallTimeoutMs()))
        .withMemoryBytes(requested.getMemoryBytes())
        .withMaxOutputBytes(requested.getMaxOutputBytes());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
