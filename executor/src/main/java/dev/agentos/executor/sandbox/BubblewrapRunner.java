package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request in a bubblewrap sandbox on this machine (see {@link BubblewrapCommand} for what
 * the sandbox is made of). The kernel enforces the limits: a cgroup per run where the machine lets
 * the executor create cgroups v1 ({@link CgroupV1}), rlimits always. The wall time and the output
 * are enforced here.
 *
 * <p>Killing the sandbox kills everything in it: bwrap is the process this runner started, its
 * child is the init of the sandbox's PID namespace and dies with it ({@code --die-with-parent}; the
 * runner also kills it directly), and when a PID namespace's init dies the kernel kills every other
 * process in it, including any that left for the background with setsid. A run returns only once
 * that init has ended ({@link SandboxInit}).
 */
public final class BubblewrapRunner implements SandboxRunner {

  private static final Logger LOG = LoggerFactory.getLogger(BubblewrapRunner.class);

  /** nobody: owns no file on the host, so a program running as it can read only what all can. */
  public static final int DEFAULT_SANDBOX_UID = 65534;

  /** How long the output may take to drain once the sandbox has ended. */
  private static final Duration DRAIN = Duration.ofSeconds(5);

  private final Path workRoot;
  private final OptionalInt sandboxUid;
  private final Optional<CgroupV1> cgroups;
  private final BubblewrapCommand command;
  private final Isolation isolation;

  BubblewrapRunner(
      Path workRoot,
      OptionalInt sandboxUid,
      Optional<CgroupV1> cgroups,
      BubblewrapCommand command,
      Isolation isolation) {
    this.workRoot = workRoot;
    this.sandboxUid = sandboxUid;
    this.cgroups = cgroups;
    this.command = command;
    this.isolation = isolation;
  }

  /**
   * A runner for this machine, its work folders under {@code workRoot}.
   *
   * @throws SandboxException if bubblewrap is missing or cannot create namespaces here, with what
   *     to do about it
   */
  public static BubblewrapRunner onThisMachine(Path workRoot) {
    return onThisMachine(workRoot, true);
  }

  /**
   * A runner for this machine that uses cgroups only if {@code cgroupsWhereAllowed}; without them
   * it relies on rlimits, as it must wherever cgroups are not delegated to it.
   */
  public static BubblewrapRunner onThisMachine(Path workRoot, boolean cgroupsWhereAllowed) {
    HostSandboxSupport host = HostSandboxSupport.probe();
    OptionalInt uid = host.runsAsRoot() ? OptionalInt.of(DEFAULT_SANDBOX_UID) : OptionalInt.empty();
    if (uid.isPresent()) {
      WorkFolder.openForTraversal(workRoot);
    }
    Optional<CgroupV1> cgroups = cgroupsWhereAllowed ? CgroupV1.onThisMachine() : Optional.empty();
    BubblewrapCommand command =
        new BubblewrapCommand(host.bwrap(), SystemMounts.bwrapArguments(), uid, cgroups.isEmpty());
    Isolation isolation =
        new Isolation(
            host.bwrapVersion() + " (user, pid, network, ipc, uts, cgroup and mount namespaces)",
            cgroups.isPresent()
                ? "cgroups v1 (memory, pids, cpuacct) and rlimits (cpu, nproc, fsize, nofile);"
                    + " wall time and output by the executor"
                : "rlimits (cpu, data, nproc, fsize, nofile); wall time and output by the"
                    + " executor",
            uid.isPresent() ? "uid " + uid.getAsInt() : "the executor's own user");
    BubblewrapRunner runner = new BubblewrapRunner(workRoot, uid, cgroups, command, isolation);
    runner.checkItRuns();
    return runner;
  }

  @Override
  public Isolation isolation() {
    return isolation;
  }

  @Override
  public SandboxResult run(SandboxRequest request, OutputListener listener) {
    try (WorkFolder folder = WorkFolder.create(workRoot, sandboxUid)) {
      folder.place(request.files());
      SandboxResult result;
      if (cgroups.isEmpty()) {
        result = runIn(folder, Optional.empty(), request, listener);
      } else {
        try (CgroupV1.Run group = cgroups.get().create(request.limits())) {
          result = runIn(folder, Optional.of(group), request, listener);
        }
      }
      // Every process of the run has ended: what it left can no longer change while it is read.
      return result.withCollected(
          CollectedFiles.read(folder, request.collect(), request.limits().maxFileBytes()));
    }
  }

  private SandboxResult runIn(
      WorkFolder folder,
      Optional<CgroupV1.Run> group,
      SandboxRequest request,
      OutputListener listener) {
    List<String> argv =
        command.argv(
            folder.path(),
            folder.statusFile(),
            group.map(CgroupV1.Run::procsFiles).orElse(List.of()),
            request);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().clear();
    Limits limits = request.limits();
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new SandboxException("cannot start " + argv.get(0), e);
    }
    AtomicBoolean outputKilled = new AtomicBoolean();
    Runnable killForOutput =
        () -> {
          outputKilled.set(true);
          kill(process, folder);
        };
    AtomicLong used = new AtomicLong();
    OutputPump stdout =
        new OutputPump(
            process.getInputStream(),
            OutputListener.Channel.STDOUT,
            used,
            limits.maxOutputBytes(),
            listener,
            killForOutput);
    OutputPump stderr =
        new OutputPump(
            process.getErrorStream(),
            OutputListener.Channel.STDERR,
            used,
            limits.maxOutputBytes(),
            listener,
            killForOutput);
    Thread stdoutThread = daemon(stdout, "sandbox-stdout");
    Thread stderrThread = daemon(stderr, "sandbox-stderr");
    Thread stdinThread =
        daemon(() -> feed(process.getOutputStream(), request.stdin()), "sandbox-stdin");
    boolean wallKilled = false;
    try {
      if (!process.waitFor(limits.wallTime().toNanos(), TimeUnit.NANOSECONDS)) {
        wallKilled = !outputKilled.get();
        kill(process, folder);
      }
      int exitCode = process.waitFor();
      Duration wall = Duration.ofNanos(System.nanoTime() - started);
      SandboxStatus.read(folder.statusFile()).ifPresent(s -> SandboxInit.awaitEnd(s, DRAIN));
      join(stdoutThread);
      join(stderrThread);
      stdinThread.interrupt();
      boolean oomKilled = group.map(CgroupV1.Run::oomKilled).orElse(false);
      Optional<Duration> cpuTime = group.flatMap(CgroupV1.Run::cpuTime);
      Outcome outcome =
          Outcome.of(
              exitCode, wallKilled, outputKilled.get(), oomKilled, cpuTime, limits.cpuTime());
      return new SandboxResult(
          exitCode,
          outcome,
          wall,
          cpuTime,
          group.map(CgroupV1.Run::peakMemoryBytes).orElse(OptionalLong.empty()),
          stdout.excerpt(),
          stderr.excerpt());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while the sandbox ran", e);
    } finally {
      if (process.isAlive()) {
        kill(process, folder);
      }
    }
  }

  /**
   * Kills bwrap and the sandbox's init at once: killing bwrap alone would end the init through
   * {@code --die-with-parent}, but a step later.
   */
  private static void kill(Process process, WorkFolder folder) {
    process.destroyForcibly();
    SandboxStatus.read(folder.statusFile()).ifPresent(SandboxInit::kill);
  }

  private static void feed(OutputStream in, byte[] bytes) {
    try (in) {
      in.write(bytes);
    } catch (IOException e) {
      // The program ended or closed its stdin before reading all of it: that is its business.
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread pump) throws InterruptedException {
    pump.join(DRAIN.toMillis());
    if (pump.isAlive()) {
      // Only a process outside the sandbox could hold the pipe open once the sandbox is gone.
      throw new SandboxException("the sandbox's output did not end after it exited");
    }
  }

  /** Runs /bin/true in a sandbox, so a machine that forbids namespaces says so at start. */
  private void checkItRuns() {
    SandboxResult result = run(SandboxRequest.of("/bin/true").withLimits(Limits.defaults()));
    if (!result.succeeded()) {
      throw new SandboxException(
          "bubblewrap cannot create a sandbox here (exit "
              + result.exitCode()
              + "): "
              + result.stderr().text().strip()
              + ". Unprivileged user namespaces must be allowed"
              + " (sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces > 0).");
    }
    LOG.info("Sandbox: {}", isolation.description());
  }
}
