package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LanguageTest {

  @Test
  void javaGetsAHeapOfHalfTheMemoryLimit() {
    assertThat(
            Language.JAVA.command("/usr/bin/java", Limits.defaults().withMemoryBytes(256L << 20)))
        .startsWith("/usr/bin/java", "-Xmx128m")
        .endsWith("Main.java");
  }

  @Test
  void interpretersRunTheirSourceFile() {
    assertThat(Language.PYTHON.command("/usr/bin/python3", Limits.defaults()))
        .containsExactly("/usr/bin/python3", "main.py");
    assertThat(Language.SHELL.command("/bin/sh", Limits.defaults()))
        .containsExactly("/bin/sh", "main.sh");
  }

  @Test
  void aRuntimeOutsideTheFoldersASandboxSeesIsNotOffered() {
    assertThat(Runtimes.realVisible(Path.of("/root/.pyenv/shims/python3"))).isEmpty();
    assertThat(Runtimes.realVisible(Path.of("/nonexistent/python3"))).isEmpty();
  }
}
