package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxStatusTest {

  @Test
  void readsTheInitAndItsNamespaceFromBwrapsStatusLines() {
    String written =
        """
        { "child-pid": 5087, "cgroup-namespace": 4026532180, "ipc-namespace": 4026532178, \
        "mnt-namespace": 4026532176, "net-namespace": 4026532181, "pid-namespace": 4026532179, \
        "uts-namespace": 4026532177 }
        { "exit-code": 0 }
        """;

    assertThat(SandboxStatus.parse(written)).contains(new SandboxStatus(5087, 4026532179L));
    assertThat(SandboxStatus.parse(written).orElseThrow().pidNamespaceLink())
        .isEqualTo("pid:[4026532179]");
  }

  @Test
  void isEmptyBeforeBwrapHasWrittenIt() {
    assertThat(SandboxStatus.parse("")).isEmpty();
    assertThat(SandboxStatus.parse("{ \"child-pid\": 12")).isEmpty();
  }
}
