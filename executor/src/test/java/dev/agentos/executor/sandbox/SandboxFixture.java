package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A runner on this machine for the integration tests, and the check every escape test ends with:
 * nothing of the run is left, no process and no folder.
 *
 * <p>No test is skipped when bubblewrap is missing: {@link BubblewrapRunner#onThisMachine} fails
 * and says how to install it, since a sandbox test that does not run proves nothing.
 */
final class SandboxFixture {

  final Path workRoot;
  final BubblewrapRunner runner;
  final Runtime python;

  SandboxFixture() {
    this(true);
  }

  /** With {@code cgroups} false, the runner relies on rlimits alone even where cgroups work. */
  SandboxFixture(boolean cgroups) {
    try {
      workRoot = Files.createTempDirectory("agentos-sandbox-it-");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    runner = BubblewrapRunner.onThisMachine(workRoot, cgroups);
    python =
        Runtimes.find(Language.PYTHON)
            .orElseThrow(() -> new IllegalStateException("the tests need python3 under /usr"));
  }

  /** Removes the work folders' root, which each run left empty. */
  void close() throws IOException {
    Files.delete(workRoot);
  }

  /** A marker no other process on the host carries. */
  static String marker() {
    return "agentos-sandbox-it-" + UUID.randomUUID();
  }

  /**
   * Runs a Python program that first prints its PID namespace, with the marker in its argv (so in
   * the command line of every process it forks).
   */
  SandboxResult python(String body, String marker, Limits limits) {
    String program =
        "import os, sys\nprint(os.readlink('/proc/self/ns/pid'), flush=True)\n" + body + "\n";
    SandboxRequest request =
        SandboxRequest.of(python.executable().toString(), "main.py", marker)
            .withFile("main.py", program)
            .withLimits(limits);
    SandboxResult result = runner.run(request);
    String out = result.stdout().text().replace('\n', '|');
    System.out.printf(
        "%s exit %d in %d ms, cpu %s, peak %s, stdout %s%n",
        result.outcome(),
        result.exitCode(),
        result.wallTime().toMillis(),
        result.cpuTime().map(cpu -> cpu.toMillis() + " ms").orElse("-"),
        result.peakMemoryBytes().isPresent() ? result.peakMemoryBytes().getAsLong() + " B" : "-",
        out.length() > 160 ? out.substring(0, 160) + "..." : out);
    return result;
  }

  /** No process of the run remains, and its work folder and cgroups are gone. */
  void assertNothingLeft(SandboxResult result, String marker) {
    Optional<String> namespace = LeftBehind.pidNamespace(result);
    assertThat(namespace).as("the program printed its PID namespace: %s", result).isPresent();
    assertThat(LeftBehind.processes(marker, namespace)).as("processes left").isEmpty();
    assertThat(LeftBehind.workFolders(workRoot)).as("work folders left").isEmpty();
    assertThat(LeftBehind.cgroups()).as("cgroups left").isEmpty();
  }
}
