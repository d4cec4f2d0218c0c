package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a sandbox's init to end, which means its whole sandbox has ended.
 *
 * <p>bwrap exits as soon as the program does (or when it is killed), while its init and any process
 * left in the background may still be dying. When the init of a PID namespace exits, the kernel
 * kills every other process in the namespace and waits for them before the init itself becomes a
 * zombie; so once the init is a zombie or gone, nothing of the sandbox runs. The zombie is the host
 * init's to reap, not ours.
 */
final class SandboxInit {

  private static final Duration POLL = Duration.ofMillis(5);

  private SandboxInit() {}

  /**
   * Returns once the sandbox's init has ended, killing it if it has not within {@code grace}.
   *
   * @throws SandboxException if it outlives the kill as well
   */
  static void awaitEnd(SandboxStatus status, Duration grace) {
    if (awaitEndWithin(status, grace)) {
      return;
    }
    kill(status);
    if (!awaitEndWithin(status, grace)) {
      throw new SandboxException(
          "the sandbox's init (pid " + status.initPid() + ") outlived SIGKILL");
    }
  }

  /** Kills the init, and with it the sandbox, if it is still the sandbox's init. */
  static void kill(SandboxStatus status) {
    if (isRunning(status)) {
      ProcessHandle.of(status.initPid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean awaitEndWithin(SandboxStatus status, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (isRunning(status)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SandboxException("interrupted while the sandbox ended", e);
      }
    }
    return true;
  }

  /**
   * Whether the process is alive and still the sandbox's init: its PID may already belong to
   * another process, which then lives in another namespace.
   */
  static boolean isRunning(SandboxStatus status) {
    Path proc = Path.of("/proc", Long.toString(status.initPid()));
    try {
      if (!Files.readSymbolicLink(proc.resolve("ns/pid"))
          .toString()
          .equals(status.pidNamespaceLink())) {
        return false;
      }
      return Files.readAllLines(proc.resolve("status")).stream()
          .filter(line -> line.startsWith("State:"))
          .noneMatch(line -> line.contains("Z") || line.contains("X"));
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      // A zombie's ns links can no longer be read: it has ended.
      return false;
    }
  }
}
