package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BubblewrapCommandTest {

  private static final Path WORK = Path.of("/var/lib/agentos/sandbox/run-1");
  private static final Path STATUS = Path.of("/var/lib/agentos/sandbox/run-1.status");
  private static final List<String> MOUNTS = List.of("--ro-bind", "/usr", "/usr");

  private final SandboxRequest request =
      SandboxRequest.of("/usr/bin/python3", "main.py")
          .withEnvironment(Map.of("GREETING", "hello"))
          .withLimits(
              Limits.defaults()
                  .withCpuTime(Duration.ofMillis(1500))
                  .withMaxProcesses(64)
                  .withMemoryBytes(256L << 20)
                  .withMaxFileBytes(1 << 20)
                  .withMaxOpenFiles(32));

  @Test
  void asRootBecomesTheSandboxUserBeforeBwrapAndDiesWithTheExecutor() {
    List<String> argv = command(OptionalInt.of(65534), true).argv(WORK, STATUS, List.of(), request);

    assertThat(argv.subList(0, 6))
        .containsExactly(
            "/bin/sh", "-c", BubblewrapCommand.LAUNCHER, "sh", STATUS.toString(), "--");
    assertThat(argv.subList(6, 16))
        .containsExactly(
            "/usr/bin/setpriv",
            "--pdeathsig",
            "KILL",
            "--reuid",
            "65534",
            "--regid",
            "65534",
            "--clear-groups",
            "--",
            "/usr/bin/bwrap");
  }

  @Test
  void asAnotherUserKeepsItButStillDiesWithTheExecutor() {
    List<String> argv = command(OptionalInt.empty(), true).argv(WORK, STATUS, List.of(), request);

    assertThat(argv.subList(6, 11))
        .containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "/usr/bin/bwrap");
    assertThat(argv).doesNotContain("--reuid");
  }

  @Test
  void unsharesEverythingAndShowsOnlyTheSystemATmpAndTheWorkFolder() {
    List<String> argv = command(OptionalInt.of(65534), true).argv(WORK, STATUS, List.of(), request);
    String joined = String.join(" ", argv);

    assertThat(argv).contains("--unshare-all", "--die-with-parent", "--new-session");
    assertThat(joined)
        .contains("--json-status-fd 3")
        .contains("--ro-bind /usr /usr")
        .contains("--proc /proc --dev /dev --size 268435456 --tmpfs /tmp")
        .contains("--bind " + WORK + " /work --chdir /work")
        .contains("--remount-ro /")
        .doesNotContain("/root", "/home", "--share-net", "--bind / ");
  }

  @Test
  void theLauncherPutsItselfInEachCgroupBeforeAnythingStarts() {
    List<Path> procs =
        List.of(
            Path.of("/sys/fs/cgroup/memory/r/cgroup.procs"),
            Path.of("/sys/fs/cgroup/pids/r/cgroup.procs"));
    List<String> argv = command(OptionalInt.of(65534), false).argv(WORK, STATUS, procs, request);

    assertThat(argv.subList(4, 8))
        .containsExactly(STATUS.toString(), procs.get(0).toString(), procs.get(1).toString(), "--");
    assertThat(argv.get(8)).isEqualTo("/usr/bin/setpriv");
  }

  @Test
  void theEnvironmentIsClearedThenGivenOnlyThePathHomeAndTheRequestsVariables() {
    assertThat(BubblewrapCommand.environment(Map.of("GREETING", "hello")))
        .containsExactly(
            "--clearenv",
            "--setenv",
            "PATH",
            "/usr/local/bin:/usr/bin:/bin",
            "--setenv",
            "HOME",
            "/work",
            "--setenv",
            "LANG",
            "C.UTF-8",
            "--setenv",
            "TMPDIR",
            "/tmp",
            "--setenv",
            "GREETING",
            "hello");
    assertThatThrownBy(() -> BubblewrapCommand.environment(Map.of("A=B", "c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsAreSetInsideTheSandboxJustBeforeTheProgram() {
    List<String> argv = command(OptionalInt.of(65534), true).argv(WORK, STATUS, List.of(), request);
    int separator = argv.lastIndexOf("--");

    assertThat(argv.subList(argv.indexOf("/usr/bin/prlimit"), argv.size()))
        .containsExactly(
            "/usr/bin/prlimit",
            "--cpu=2:3",
            "--nproc=64",
            "--fsize=1048576",
            "--nofile=32",
            "--core=0",
            "--data=268435456",
            "--",
            "/usr/bin/python3",
            "main.py");
    assertThat(argv.get(separator + 1)).isEqualTo("/usr/bin/python3");
  }

  @Test
  void memoryIsNoRlimitWhenSomethingElseEnforcesIt() {
    assertThat(command(OptionalInt.empty(), false).prlimit(request.limits()))
        .noneMatch(arg -> arg.startsWith("--data") || arg.startsWith("--as"));
  }

  private static BubblewrapCommand command(OptionalInt uid, boolean memoryByRlimit) {
    return new BubblewrapCommand(Path.of("/usr/bin/bwrap"), MOUNTS, uid, memoryByRlimit);
  }
}
