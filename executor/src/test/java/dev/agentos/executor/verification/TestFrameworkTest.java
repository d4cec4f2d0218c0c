package dev.agentos.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestFrameworkTest {

  @Test
  void aNamedFrameworkIsTakenAsNamedWhateverTheCommand() {
    assertThat(TestFramework.of("JUnit", "java", "sh run-tests.sh")).isEqualTo(TestFramework.JUNIT);
    assertThat(TestFramework.of("pytest", "python", "make test")).isEqualTo(TestFramework.PYTEST);
    assertThat(TestFramework.of("node:test", "node", "npm test")).isEqualTo(TestFramework.NODE);
    assertThat(TestFramework.of("libtest", "rust", "make")).isEqualTo(TestFramework.CARGO);
  }

  @Test
  void theCommandTellsTheFrameworkBeforeTheLanguage() {
    assertThat(TestFramework.of(null, "python", "pytest -q")).isEqualTo(TestFramework.PYTEST);
    assertThat(TestFramework.of(null, "python", "cd tests && python3 -m py.test"))
        .isEqualTo(TestFramework.PYTEST);
    assertThat(TestFramework.of(null, "python", "python3 -m unittest discover -s tests"))
        .isEqualTo(TestFramework.UNITTEST);
    assertThat(TestFramework.of(null, "javascript", "node --test test/"))
        .isEqualTo(TestFramework.NODE);
    assertThat(TestFramework.of(null, "shell", "go test ./...")).isEqualTo(TestFramework.GO);
    assertThat(TestFramework.of(null, null, "cargo test --no-fail-fast"))
        .isEqualTo(TestFramework.CARGO);
    assertThat(TestFramework.of(null, "java", "./mvnw -q test")).isEqualTo(TestFramework.JUNIT);
  }

  @Test
  void theLanguageTellsItWhenTheCommandDoesNot() {
    assertThat(TestFramework.of(null, "Python", "make check")).isEqualTo(TestFramework.PYTEST);
    assertThat(TestFramework.of(null, "node", "npm test")).isEqualTo(TestFramework.NODE);
    assertThat(TestFramework.of("", "go", "make")).isEqualTo(TestFramework.GO);
  }

  @Test
  void anUnknownOrUntellableFrameworkIsRefusedWithWhatIsKnown() {
    assertThatThrownBy(() -> TestFramework.of("mocha", "node", "npm test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mocha")
        .hasMessageContaining("pytest");
    assertThatThrownBy(() -> TestFramework.of(null, "shell", "./check.sh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("./check.sh");
  }
}
