package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CodeExecutorServiceTest {

  @Test
  void eachStacksSandboxesWorkUnderTheSystemsTemporaryFolderNotItsOwnerOnlyHome() {
    Path one = CodeExecutorService.workRoot(Path.of("/home/someone/project/.agentos"));
    Path other = CodeExecutorService.workRoot(Path.of("/work/ci/target/agentos-it/stack-1"));

    assertThat(one.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(one).isNotEqualTo(other);
    assertThat(CodeExecutorService.workRoot(Path.of("/home/someone/project/.agentos")))
        .isEqualTo(one);
  }
}
