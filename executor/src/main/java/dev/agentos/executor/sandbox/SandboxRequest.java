package dev.agentos.executor.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One program to run in a sandbox.
 *
 * @param command the argv, run in the work folder; the first element is an absolute path inside the
 *     sandbox (a {@link Runtime} gives one) or a name found on the sandbox's PATH
 * @param files files to place in the work folder before the run, by path relative to it
 * @param stdin what the program reads on its standard input, then end of file
 * @param environment variables the program gets besides PATH, HOME and LANG: nothing of the
 *     caller's environment is passed unless named here
 * @param limits what the run may use
 */
public record SandboxRequest(
    List<String> command,
    Map<String, byte[]> files,
    byte[] stdin,
    Map<String, String> environment,
    Limits limits) {

  public SandboxRequest {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must name a program");
    }
    files = Map.copyOf(files);
    stdin = stdin.clone();
    environment = Map.copyOf(environment);
    Objects.requireNonNull(limits, "limits");
  }

  /** A command with no files, no input, no variables and the default limits. */
  public static SandboxRequest of(String... command) {
    return new SandboxRequest(List.of(command), Map.of(), new byte[0], Map.of(), Limits.defaults());
  }

  public SandboxRequest withFile(String path, String content) {
    Map<String, byte[]> more = new HashMap<>(files);
    more.put(path, content.getBytes(StandardCharsets.UTF_8));
    return new SandboxRequest(command, more, stdin, environment, limits);
  }

  public SandboxRequest withStdin(String input) {
    return new SandboxRequest(
        command, files, input.getBytes(StandardCharsets.UTF_8), environment, limits);
  }

  public SandboxRequest withEnvironment(Map<String, String> variables) {
    return new SandboxRequest(command, files, stdin, variables, limits);
  }

  public SandboxRequest withLimits(Limits value) {
    return new SandboxRequest(command, files, stdin, environment, value);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }
}
