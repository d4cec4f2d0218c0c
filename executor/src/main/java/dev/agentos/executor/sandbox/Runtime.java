package dev.agentos.executor.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A language installed where sandboxes see it.
 *
 * @param language which language
 * @param executable its interpreter or compiler, as found; a link in a system folder
 * @param version what it says its version is, e.g. "Python 3.11.2"
 */
public record Runtime(Language language, Path executable, String version) {

  /** The argv that runs the language's source file (see {@link Language#sourceFile()}). */
  public List<String> command(Limits limits) {
    return language.command(executable.toString(), limits);
  }

  /** A request that runs {@code source} with this runtime. */
  public SandboxRequest request(String source, Limits limits) {
    return new SandboxRequest(command(limits), Map.of(), new byte[0], Map.of(), limits)
        .withFile(language.sourceFile(), source);
  }
}
