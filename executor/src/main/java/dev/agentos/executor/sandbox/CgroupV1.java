package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Limits and measures each run with cgroups v1, where the machine mounts the memory, pids and
 * cpuacct hierarchies and lets the executor create groups in them (as root, usually in a
 * container). A group per run holds every process of the sandbox, so it enforces the memory limit
 * on what the processes really use, page cache and the private /tmp included (RLIMIT_DATA counts
 * only each process's own mappings), counts processes per sandbox, and tells the peak memory, the
 * CPU time and whether the kernel's OOM killer ended the run.
 *
 * <p>Each run's groups are made in the executor's own groups, so the sandboxes also stay within
 * whatever limits the executor itself is under, and are removed after the run: nothing is left that
 * would keep the executor's groups from being removed in turn.
 */
final class CgroupV1 {

  static final Path ROOT = Path.of("/sys/fs/cgroup");
  static final List<String> CONTROLLERS = List.of("memory", "pids", "cpuacct");

  /** Per controller, the executor's own group, which the runs' groups are made in. */
  private final List<Path> parents;

  private CgroupV1(List<Path> parents) {
    this.parents = parents;
  }

  /** The hierarchies, if this machine mounts all three and the executor may create groups. */
  static Optional<CgroupV1> onThisMachine() {
    List<String> ownGroups;
    try {
      ownGroups = Files.readAllLines(Path.of("/proc/self/cgroup"));
    } catch (IOException e) {
      return Optional.empty();
    }
    List<Path> parents = new ArrayList<>();
    for (String controller : CONTROLLERS) {
      Optional<String> own =
          ownGroups.stream()
              .map(line -> line.split(":", 3))
              .filter(f -> f.length == 3 && List.of(f[1].split(",")).contains(controller))
              .map(f -> f[2])
              .findFirst();
      Path mount = ROOT.resolve(controller);
      if (own.isEmpty() || !Files.exists(mount.resolve("cgroup.procs"))) {
        return Optional.empty();
      }
      Path parent = mount.resolve(own.get().substring(1));
      if (!Files.isWritable(parent)) {
        return Optional.empty();
      }
      parents.add(parent);
    }
    return Optional.of(new CgroupV1(List.copyOf(parents)));
  }

  /** Creates the groups of one run with its memory and process limits. */
  Run create(Limits limits) {
    String name = "agentos-sandbox-" + UUID.randomUUID();
    List<Path> groups = parents.stream().map(p -> p.resolve(name)).toList();
    Run run = new Run(groups);
    try {
      for (Path group : groups) {
        Files.createDirectory(group);
      }
      write(run.memory().resolve("memory.limit_in_bytes"), limits.memoryBytes());
      Path swap = run.memory().resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(swap)) {
        write(swap, limits.memoryBytes()); // no swapping past the limit either
      }
      write(run.pids().resolve("pids.max"), limits.maxProcesses());
    } catch (IOException e) {
      run.close();
      throw new SandboxException("cannot create the run's cgroups under " + parents, e);
    }
    return run;
  }

  private static void write(Path file, long value) throws IOException {
    Files.writeString(file, Long.toString(value));
  }

  /** The groups of one run: memory, pids, cpuacct. */
  record Run(List<Path> groups) implements AutoCloseable {

    Path memory() {
      return groups.get(0);
    }

    Path pids() {
      return groups.get(1);
    }

    Path cpuacct() {
      return groups.get(2);
    }

    /** The files the sandbox's first process writes its PID into, so all it starts is inside. */
    List<Path> procsFiles() {
      return groups.stream().map(g -> g.resolve("cgroup.procs")).toList();
    }

    OptionalLong peakMemoryBytes() {
      return read(memory().resolve("memory.max_usage_in_bytes"));
    }

    Optional<Duration> cpuTime() {
      return Optional.of(read(cpuacct().resolve("cpuacct.usage")))
          .filter(OptionalLong::isPresent)
          .map(ns -> Duration.ofNanos(ns.getAsLong()));
    }

    /** Whether the kernel's OOM killer killed a process of the run. */
    boolean oomKilled() {
      try {
        return Files.readAllLines(memory().resolve("memory.oom_control")).stream()
            .anyMatch(line -> line.startsWith("oom_kill ") && !line.equals("oom_kill 0"));
      } catch (IOException e) {
        return false;
      }
    }

    /** Removes the groups; the sandbox has ended, so they hold no process. */
    @Override
    public void close() {
      for (Path group : groups) {
        try {
          Files.deleteIfExists(group);
        } catch (IOException e) {
          throw new SandboxException("cannot remove the run's cgroup " + group, e);
        }
      }
    }

    private static OptionalLong read(Path file) {
      try {
        return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
      } catch (IOException | NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
  }
}
