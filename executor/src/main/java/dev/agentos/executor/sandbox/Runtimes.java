package dev.agentos.executor.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds which languages are installed where a sandbox can see them, with their versions. */
public final class Runtimes {

  /** The folders a sandbox sees; a runtime whose real file is elsewhere cannot run in one. */
  static final List<Path> VISIBLE = List.of(Path.of("/usr"));

  private Runtimes() {}

  /** The installed runtimes, in {@link Language} order. */
  public static List<Runtime> detect() {
    List<Runtime> found = new ArrayList<>();
    for (Language language : Language.values()) {
      find(language).ifPresent(found::add);
    }
    return found;
  }

  static Optional<Runtime> find(Language language) {
    for (Path place : language.places()) {
      Optional<Path> real = realVisible(place);
      if (real.isPresent()) {
        return Optional.of(new Runtime(language, place, version(language, real.get())));
      }
    }
    return Optional.empty();
  }

  /** The file a link resolves to, if it is an executable inside the folders a sandbox sees. */
  static Optional<Path> realVisible(Path place) {
    if (!Files.isExecutable(place)) {
      return Optional.empty();
    }
    try {
      Path real = place.toRealPath();
      return VISIBLE.stream().anyMatch(real::startsWith) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The version line it prints; for dash, which prints none, the name of the shell. */
  private static String version(Language language, Path real) {
    if (language.versionFlag() == null) {
      return real.getFileName().toString();
    }
    return versionOf(HostSandboxSupport.firstLine(real, language.versionFlag()));
  }

  /** "openjdk version "17.0.15" 2025-04-15" stays as it is; "v20.20.2" becomes "node v20.20.2". */
  static String versionOf(String line) {
    return line.matches("v\\d.*") ? "node " + line : line;
  }
}
