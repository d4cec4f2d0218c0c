package dev.agentos.deploy.local;

import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.ServiceContext;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The child process of one service. It runs in a session of its own ({@code setsid}), so it
 * outlives the launcher and a Ctrl-C in the launcher's terminal, and is known by a pid file that
 * also records its start time, so a recycled pid is never mistaken for it.
 */
final class ServiceProcess {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final LocalService service;
  private final ServiceContext ctx;

  ServiceProcess(LocalService service, ServiceContext ctx) {
    this.service = service;
    this.ctx = ctx;
  }

  LocalService service() {
    return service;
  }

  ServiceContext context() {
    return ctx;
  }

  private Path pidFile() {
    return ctx.home().resolve("pid");
  }

  /** The running child, if its pid file names a live process started when the file says. */
  Optional<ProcessHandle> running() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      String[] recorded = Files.readString(pidFile()).trim().split("\\s+");
      Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(recorded[0]));
      return handle.filter(
          h ->
              h.isAlive()
                  && h.info().startInstant().map(Instant::toString).orElse("").equals(recorded[1]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void start() throws IOException {
    ownerOnlyLog();
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.addAll(service.command(ctx));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ctx.home().toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(ctx.consoleLog().toFile()))
            .redirectInput(Redirect.from(new File("/dev/null")));
    builder.environment().putAll(service.environment(ctx));
    Files.writeString(
        ctx.consoleLog(),
        "\n=== start " + Instant.now() + " ===\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process = builder.start();
    ProcessHandle handle = process.toHandle();
    String started = handle.info().startInstant().map(Instant::toString).orElse("");
    Files.writeString(pidFile(), handle.pid() + " " + started + "\n");
  }

  /**
   * The log folder and console log, readable by their owner only: a server's console may carry
   * secrets and memory contents (the command side once printed the bootstrap admin key there).
   * Permissions are set on every start, so a log created by an older launcher is closed too.
   */
  private void ownerOnlyLog() throws IOException {
    Files.createDirectories(ctx.logDir());
    Files.setPosixFilePermissions(ctx.logDir(), PosixFilePermissions.fromString("rwx------"));
    if (Files.notExists(ctx.consoleLog())) {
      Files.createFile(
          ctx.consoleLog(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.setPosixFilePermissions(ctx.consoleLog(), PosixFilePermissions.fromString("rw-------"));
  }

  boolean isHealthy() {
    return running().isPresent() && service.isHealthy(ctx);
  }

  /** SIGTERM, a grace period, then SIGKILL for the process and anything it left behind. */
  boolean stop() throws IOException {
    Optional<ProcessHandle> handle = running();
    if (handle.isEmpty()) {
      Files.deleteIfExists(pidFile());
      return false;
    }
    List<ProcessHandle> descendants = handle.get().descendants().toList();
    handle.get().destroy();
    try {
      handle.get().onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.get().destroyForcibly();
    }
    for (ProcessHandle child : descendants) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile());
    return true;
  }

  /** The last lines of the child's console, to explain a failed start. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(ctx.consoleLog());
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + ctx.consoleLog() + ")";
    }
  }
}
