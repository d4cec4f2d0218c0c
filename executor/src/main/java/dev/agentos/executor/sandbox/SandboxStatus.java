package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What bwrap reported on a run ({@code --json-status-fd}): the host PID of the sandbox's init and
 * its PID namespace. The few fields needed are read with patterns: bwrap writes flat JSON objects
 * of numbers, one a line.
 */
record SandboxStatus(long initPid, long pidNamespace) {

  private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");
  private static final Pattern PID_NAMESPACE = Pattern.compile("\"pid-namespace\"\\s*:\\s*(\\d+)");

  /** The status once bwrap has written it; empty before, or if bwrap failed before its init. */
  static Optional<SandboxStatus> read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SandboxException("cannot read the sandbox's status " + file, e);
    }
  }

  static Optional<SandboxStatus> parse(String json) {
    OptionalLong pid = number(CHILD_PID, json);
    OptionalLong namespace = number(PID_NAMESPACE, json);
    if (pid.isEmpty() || namespace.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SandboxStatus(pid.getAsLong(), namespace.getAsLong()));
  }

  /** The namespace as /proc/PID/ns/pid names it. */
  String pidNamespaceLink() {
    return "pid:[" + pidNamespace + "]";
  }

  private static OptionalLong number(Pattern field, String json) {
    Matcher m = field.matcher(json);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
