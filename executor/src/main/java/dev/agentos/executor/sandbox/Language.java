package dev.agentos.executor.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the executor can run, where its interpreter or compiler may be installed, and how it
 * runs one source file. Only system folders are searched: a sandbox sees /usr but not /root or
 * /home, so a runtime installed there (pyenv, rustup, nvm) could not run in it and is not offered.
 */
public enum Language {
  PYTHON("python", "main.py", List.of("/usr/local/bin/python3", "/usr/bin/python3"), "--version"),
  NODE("node", "main.js", List.of("/usr/local/bin/node", "/usr/bin/node"), "--version"),
  /** Java 11+ runs a single source file without a separate compile step. */
  JAVA("java", "Main.java", List.of("/usr/local/bin/java", "/usr/bin/java"), "-version"),
  SHELL("sh", "main.sh", List.of("/bin/sh", "/usr/bin/sh"), null),
  GO(
      "go",
      "main.go",
      List.of("/usr/local/go/bin/go", "/usr/lib/go/bin/go", "/usr/bin/go"),
      "version"),
  RUST("rust", "main.rs", List.of("/usr/local/bin/rustc", "/usr/bin/rustc"), "--version");

  private final String id;
  private final String sourceFile;
  private final List<Path> places;
  private final String versionFlag;

  Language(String id, String sourceFile, List<String> places, String versionFlag) {
    this.id = id;
    this.sourceFile = sourceFile;
    this.places = places.stream().map(Path::of).toList();
    this.versionFlag = versionFlag;
  }

  /**
   * The language an execution request names, by its id or a common other name ("python3",
   * "javascript", "shell"); empty for a language this executor does not know.
   */
  public static Optional<Language> named(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    String id =
        switch (wanted) {
          case "python3", "py" -> "python";
          case "javascript", "js", "nodejs" -> "node";
          case "shell", "bash", "dash" -> "sh";
          case "golang" -> "go";
          default -> wanted;
        };
    return Arrays.stream(values()).filter(language -> language.id.equals(id)).findFirst();
  }

  /** The name agents ask for, e.g. "python". */
  public String id() {
    return id;
  }

  /** The file a program in this language is placed in, in the work folder. */
  public String sourceFile() {
    return sourceFile;
  }

  List<Path> places() {
    return places;
  }

  /** The flag that makes the program print its version; null when it has none (dash). */
  String versionFlag() {
    return versionFlag;
  }

  /**
   * The argv that runs {@link #sourceFile()} with {@code executable} inside the sandbox. Compilers
   * write to /tmp, private to the sandbox, and their caches go there too.
   */
  List<String> command(String executable, Limits limits) {
    return switch (this) {
      case PYTHON, NODE, SHELL -> List.of(executable, sourceFile);
      case JAVA -> java(executable, limits);
      case GO ->
          List.of(
              "/bin/sh",
              "-c",
              "GOCACHE=/tmp/go-cache GOPATH=/tmp/go exec " + executable + " run " + sourceFile);
      case RUST ->
          List.of(
              "/bin/sh", "-c", executable + " -o /tmp/main " + sourceFile + " && exec /tmp/main");
    };
  }

  private static List<String> java(String executable, Limits limits) {
    List<String> argv = new ArrayList<>(List.of(executable));
    argv.addAll(jvmOptions(limits));
    argv.add("Main.java");
    return argv;
  }

  /**
   * The JVM sizes its heap from the machine's memory, which it sees whole inside the sandbox; it
   * gets half the memory limit instead, so it fails with an OutOfMemoryError rather than the limit
   * killing it, and a small code cache and serial collector so it starts in little memory. Public
   * for a JVM that a test command starts (javac, a test launcher), which gets them through
   * JAVA_TOOL_OPTIONS.
   */
  public static List<String> jvmOptions(Limits limits) {
    long heapMiB = Math.max(16, limits.memoryBytes() / 2 / (1024 * 1024));
    return List.of(
        "-Xmx" + heapMiB + "m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:ReservedCodeCacheSize=32m",
        "-XX:MaxMetaspaceSize=128m",
        "-Xshare:auto");
  }
}
