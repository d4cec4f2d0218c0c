package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's system folders a sandbox sees, read-only, and nothing else of the host: programs and
 * libraries under /usr, the top-level links (or folders) into it, and the few pieces of /etc that
 * the dynamic loader, the runtimes and TLS read. Never /root, /home, /var, /tmp or AgentOS's home.
 */
final class SystemMounts {

  /** Top-level entries that are links into /usr on merged-/usr systems, folders on older ones. */
  static final List<String> TOP_LEVEL = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64");

  /**
   * What of /etc a runtime reads: the loader's cache, the alternatives /usr/bin/java and others
   * link through, the JDK's configuration, Python's site configuration, CA certificates and the
   * time zone. Not passwd, shadow, hosts or anything naming the machine or its users.
   */
  static final List<String> ETC =
      List.of(
          "/etc/ld.so.cache",
          "/etc/ld.so.conf",
          "/etc/ld.so.conf.d",
          "/etc/alternatives",
          "/etc/ssl",
          "/etc/ca-certificates",
          "/etc/localtime");

  /** Folder name prefixes under /etc that belong to a runtime, e.g. java-17-openjdk, python3.11. */
  static final List<String> ETC_RUNTIME_PREFIXES = List.of("java-", "python3");

  private SystemMounts() {}

  /** The bwrap arguments that show this host's system folders, as they are on this host. */
  static List<String> bwrapArguments() {
    List<String> args = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
    for (String entry : TOP_LEVEL) {
      Path path = Path.of(entry);
      if (Files.isSymbolicLink(path)) {
        args.addAll(List.of("--symlink", readLink(path), entry));
      } else if (Files.isDirectory(path)) {
        args.addAll(List.of("--ro-bind", entry, entry));
      }
    }
    List<String> etc = new ArrayList<>(ETC);
    etc.addAll(runtimeEtcFolders());
    for (String entry : etc) {
      if (Files.exists(Path.of(entry))) {
        args.addAll(List.of("--ro-bind", entry, entry));
      }
    }
    return args;
  }

  private static List<String> runtimeEtcFolders() {
    List<String> found = new ArrayList<>();
    try (var entries = Files.list(Path.of("/etc"))) {
      entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(name -> ETC_RUNTIME_PREFIXES.stream().anyMatch(name::startsWith))
          .sorted()
          .forEach(name -> found.add("/etc/" + name));
    } catch (IOException e) {
      throw new SandboxException("cannot list /etc", e);
    }
    return found;
  }

  private static String readLink(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      throw new SandboxException("cannot read the link " + link, e);
    }
  }
}
