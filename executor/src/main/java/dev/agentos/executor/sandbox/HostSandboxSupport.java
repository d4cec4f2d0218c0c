package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What this machine offers a sandbox: bubblewrap and its version, the util-linux tools the command
 * uses, and whether the executor runs as root.
 */
record HostSandboxSupport(Path bwrap, String bwrapVersion, boolean runsAsRoot) {

  static final List<Path> BWRAP_PLACES = List.of(Path.of("/usr/bin/bwrap"), Path.of("/bin/bwrap"));
  static final List<Path> UTIL_LINUX =
      List.of(Path.of("/usr/bin/setpriv"), Path.of("/usr/bin/prlimit"));

  static HostSandboxSupport probe() {
    Path bwrap =
        BWRAP_PLACES.stream()
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(
                () ->
                    new SandboxException(
                        "bubblewrap is not installed (no /usr/bin/bwrap): the executor runs"
                            + " programs in bubblewrap sandboxes. Install it with"
                            + " `apt-get install bubblewrap` (./agentos up and ./agentos test do)."));
    for (Path tool : UTIL_LINUX) {
      if (!Files.isExecutable(tool)) {
        throw new SandboxException(tool + " is missing: install util-linux");
      }
    }
    return new HostSandboxSupport(bwrap, firstLine(bwrap, "--version"), uid() == 0);
  }

  private static int uid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException e) {
      throw new SandboxException("cannot tell which user the executor runs as", e);
    }
  }

  /** The first line a program prints on stdout or stderr, e.g. "bubblewrap 0.8.0". */
  static String firstLine(Path program, String... args) {
    List<String> argv = new ArrayList<>(List.of(program.toString()));
    argv.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readNBytes(4096);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new SandboxException(program + " did not answer " + String.join(" ", args));
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "" : text.lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new SandboxException("cannot run " + program, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while asking " + program + " its version", e);
    }
  }
}
