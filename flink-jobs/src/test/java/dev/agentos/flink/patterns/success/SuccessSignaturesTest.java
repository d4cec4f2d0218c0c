package dev.agentos.flink.patterns.success;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuccessSignaturesTest {

  @Test
  void tellsTestFilesFromOtherFilesAndSnippets() {
    assertThat(SuccessSignatures.target("tests/test_app.py")).isEqualTo("test-file");
    assertThat(SuccessSignatures.target("src/test/java/dev/AppTest.java")).isEqualTo("test-file");
    assertThat(SuccessSignatures.target("pkg/server_test.go")).isEqualTo("test-file");
    assertThat(SuccessSignatures.target("web/app.spec.ts")).isEqualTo("test-file");
    assertThat(SuccessSignatures.target("lib\\__tests__\\x.js")).isEqualTo("test-file");
    assertThat(SuccessSignatures.target("src/main/java/dev/Latest.java")).isEqualTo("file");
    assertThat(SuccessSignatures.target("src/contest.py")).isEqualTo("file");
    assertThat(SuccessSignatures.target(null)).isEqualTo("no-file");
  }
}
