package dev.agentos.executor.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * @param collect files (or folders of files) to read back from the work folder after the run, by
 *     path relative to it, e.g. a test runner's report; see {@link SandboxResult#collected()}
 */
public record SandboxRequest(
    List<String> command,
    Map<String, byte[]> files,
    byte[] stdin,
    Map<String, String> environment,
    Limits limits,
    List<String> collect) {

  public SandboxRequest {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must name a program");
    }
    files = Map.copyOf(files);
    stdin = stdin.clone();
    environment = Map.copyOf(environment);
    Objects.requireNonNull(limits, "limits");
    collect = List.copyOf(collect);
    for (String path : collect) {
      Path relative = Path.of(path).normalize();
      if (path.isEmpty() || relative.isAbsolute() || relative.startsWith("..")) {
        throw new IllegalArgumentException(
            "a file to collect must be inside the work folder: " + path);
      }
    }
  }

  /** A request that collects nothing back. */
  public SandboxRequest(
      List<String> command,
      Map<String, byte[]> files,
      byte[] stdin,
      Map<String, String> environment,
      Limits limits) {
    this(command, files, stdin, environment, limits, List.of());
  }

  /** A command with no files, no input, no variables and the default limits. */
  public static SandboxRequest of(String... command) {
    return new SandboxRequest(List.of(command), Map.of(), new byte[0], Map.of(), Limits.defaults());
  }

  public SandboxRequest withFile(String path, String content) {
    Map<String, byte[]> more = new HashMap<>(files);
    more.put(path, content.getBytes(StandardCharsets.UTF_8));
    return new SandboxRequest(command, more, stdin, environment, limits, collect);
  }

  public SandboxRequest withStdin(String input) {
    return new SandboxRequest(
        command, files, input.getBytes(StandardCharsets.UTF_8), environment, limits, collect);
  }

  public SandboxRequest withEnvironment(Map<String, String> variables) {
    return new SandboxRequest(command, files, stdin, variables, limits, collect);
  }

  public SandboxRequest withLimits(Limits value) {
    return new SandboxRequest(command, files, stdin, environment, value, collect);
  }

  /** Also reads back these paths after the run; the limit on file size bounds them together. */
  public SandboxRequest withCollect(List<String> paths) {
    return new SandboxRequest(command, files, stdin, environment, limits, paths);
  }

  @Override
  public byte[] stdin() {
    return stdin.clone();
  }
}
