package dev.agentos.executor.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The argv that runs one request: a shell that opens the status file, setpriv, then bwrap, then
 * prlimit, then the program.
 *
 * <p>bwrap writes to the status file (as JSON lines) the host PID of the sandbox's init and the
 * sandbox's namespaces, then the exit code; the runner reads it to wait until the sandbox's init,
 * and with it every process of the sandbox, is gone. bwrap closes that descriptor before the
 * program starts, so the program cannot write to it.
 *
 * <p>setpriv kills the sandbox if the executor dies ({@code --pdeathsig}), and when the executor
 * runs as root it first becomes an unprivileged user: the kernel does not count processes against
 * RLIMIT_NPROC for root, so as root a fork bomb would know no limit, and a user without privileges
 * also cannot undo the namespaces. bwrap then unshares every namespace (user, pid, network, IPC,
 * UTS, cgroup, mount) and shows only the system folders read-only, a private /tmp, and the work
 * folder at /work; the rest of its file system is read-only. prlimit runs inside the sandbox, in
 * its fresh user namespace, so its process limit counts only the sandbox's processes and not every
 * process of the same user on the host.
 */
final class BubblewrapCommand {

  /** Where the work folder is seen inside the sandbox; also the program's HOME. */
  static final String WORK = SandboxRunner.WORK_FOLDER;

  static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  private final Path bwrap;
  private final List<String> systemMounts;
  private final OptionalInt sandboxUid;
  private final boolean memoryByRlimit;

  /**
   * @param systemMounts the bwrap arguments that show the host's system folders
   * @param sandboxUid the user to become first, when the executor runs as root
   * @param memoryByRlimit whether the memory limit is RLIMIT_DATA (no memory cgroup enforces it)
   */
  BubblewrapCommand(
      Path bwrap, List<String> systemMounts, OptionalInt sandboxUid, boolean memoryByRlimit) {
    this.bwrap = bwrap;
    this.systemMounts = List.copyOf(systemMounts);
    this.sandboxUid = sandboxUid;
    this.memoryByRlimit = memoryByRlimit;
  }

  /** Descriptor 3 of bwrap is the status file: 0, 1 and 2 are the program's. */
  static final String STATUS_FD = "3";

  /**
   * Opens the status file as descriptor 3, puts the shell into each cgroup named before "--" (so
   * every process the sandbox starts is in them from its first instruction), then becomes the rest
   * of the argv.
   */
  static final String LAUNCHER =
      "exec "
          + STATUS_FD
          + ">\"$1\"; shift; "
          + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; "
          + "exec \"$@\"";

  /**
   * @param cgroupProcs the cgroup.procs files of the run's cgroups, if cgroups limit it
   */
  List<String> argv(
      Path workFolder, Path statusFile, List<Path> cgroupProcs, SandboxRequest request) {
    List<String> argv =
        new ArrayList<>(List.of("/bin/sh", "-c", LAUNCHER, "sh", statusFile.toString()));
    cgroupProcs.forEach(procs -> argv.add(procs.toString()));
    argv.add("--");
    argv.addAll(setpriv());
    argv.add(bwrap.toString());
    argv.addAll(
        List.of("--unshare-all", "--die-with-parent", "--new-session", "--hostname", "sandbox"));
    argv.addAll(List.of("--json-status-fd", STATUS_FD));
    argv.addAll(systemMounts);
    // /tmp lives in memory: it may hold no more than the memory limit.
    argv.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    argv.addAll(List.of("--size", "" + request.limits().memoryBytes(), "--tmpfs", "/tmp"));
    argv.addAll(List.of("--bind", workFolder.toString(), WORK, "--chdir", WORK));
    // The root bwrap builds is a private tmpfs; read-only, so / and /etc take no files either.
    argv.addAll(List.of("--remount-ro", "/"));
    argv.addAll(environment(request.environment()));
    argv.add("--");
    argv.addAll(prlimit(request.limits()));
    argv.addAll(request.command());
    return argv;
  }

  private List<String> setpriv() {
    List<String> args = new ArrayList<>(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL"));
    sandboxUid.ifPresent(
        uid -> args.addAll(List.of("--reuid", "" + uid, "--regid", "" + uid, "--clear-groups")));
    args.add("--");
    return args;
  }

  /** A fresh environment: nothing of the executor's, only these and what the request names. */
  static List<String> environment(Map<String, String> requested) {
    List<String> args = new ArrayList<>(List.of("--clearenv"));
    args.addAll(List.of("--setenv", "PATH", PATH));
    args.addAll(List.of("--setenv", "HOME", WORK));
    args.addAll(List.of("--setenv", "LANG", "C.UTF-8"));
    args.addAll(List.of("--setenv", "TMPDIR", "/tmp"));
    requested.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            variable -> {
              if (variable.getKey().isEmpty() || variable.getKey().contains("=")) {
                throw new IllegalArgumentException("not a variable name: " + variable.getKey());
              }
              args.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
            });
    return args;
  }

  /**
   * The kernel limits. The CPU hard limit is a second past the soft one, so the program first gets
   * SIGXCPU (which tells the outcome apart) and SIGKILL only if it ignores it. No core files: they
   * would land in the work folder, past the file-size limit.
   */
  List<String> prlimit(Limits limits) {
    List<String> args = new ArrayList<>(List.of("/usr/bin/prlimit"));
    long cpu = limits.cpuSeconds();
    args.add("--cpu=" + cpu + ":" + (cpu + 1));
    args.add("--nproc=" + limits.maxProcesses());
    args.add("--fsize=" + limits.maxFileBytes());
    args.add("--nofile=" + limits.maxOpenFiles());
    args.add("--core=0");
    if (memoryByRlimit) {
      // RLIMIT_DATA, not RLIMIT_AS: V8 and the JVM reserve gigabytes of address space they never
      // use, which RLIMIT_AS counts; RLIMIT_DATA counts only writable memory actually mapped.
      args.add("--data=" + limits.memoryBytes());
    }
    args.add("--");
    return args;
  }
}
