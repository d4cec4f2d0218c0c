package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run may have left on the host: processes that carry its marker in their command line or
 * live in its PID namespace, and work folders. Each sandboxed test program prints its PID namespace
 * first ({@code readlink /proc/self/ns/pid}), which names the same namespace seen from the host.
 *
 * <p>Zombies are not counted: bwrap exits as soon as the program does, and the namespace's init
 * (bwrap's child) is killed then but reaped by the host's init, which in a container may take a few
 * seconds. A zombie runs nothing and holds nothing but its process-table entry.
 */
final class LeftBehind {

  private static final Pattern PID_NAMESPACE = Pattern.compile("pid:\\[\\d+]");

  private LeftBehind() {}

  /** The namespace a program printed, e.g. "pid:[4026532451]". */
  static Optional<String> pidNamespace(SandboxResult result) {
    Matcher m = PID_NAMESPACE.matcher(result.stdout().text());
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /** Host processes whose command line holds the marker or that live in the namespace. */
  static List<String> processes(String marker, Optional<String> pidNamespace) {
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      return entries
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> carries(p, marker) || pidNamespace.filter(ns -> livesIn(p, ns)).isPresent())
          .filter(p -> !isZombie(p))
          .map(p -> p.getFileName() + ": " + commandLine(p))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
  }

  /** The runs' cgroups left in the executor's groups (see {@link CgroupV1}). */
  static List<Path> cgroups() {
    List<Path> left = new ArrayList<>();
    for (String controller : CgroupV1.CONTROLLERS) {
      Path mount = CgroupV1.ROOT.resolve(controller);
      if (!Files.isDirectory(mount)) {
        continue;
      }
      try (Stream<Path> groups =
          Files.find(
              mount,
              3,
              (path, attributes) ->
                  attributes.isDirectory()
                      && path.getFileName().toString().startsWith("agentos-sandbox-"))) {
        groups.forEach(left::add);
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + mount, e);
      }
    }
    return left;
  }

  /** The work folders left under the runner's root. */
  static List<Path> workFolders(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + root, e);
    }
  }

  private static boolean isZombie(Path process) {
    try {
      return Files.readAllLines(process.resolve("status")).stream()
          .anyMatch(line -> line.startsWith("State:") && line.contains("Z"));
    } catch (IOException e) {
      return true; // it was reaped while we looked
    }
  }

  private static boolean carries(Path process, String marker) {
    return commandLine(process).contains(marker);
  }

  private static boolean livesIn(Path process, String namespace) {
    try {
      return Files.readSymbolicLink(process.resolve("ns/pid")).toString().equals(namespace);
    } catch (IOException e) {
      return false; // it ended while we looked
    }
  }

  private static String commandLine(Path process) {
    try {
      return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }
}
