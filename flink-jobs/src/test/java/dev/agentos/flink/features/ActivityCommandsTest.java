package dev.agentos.flink.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivityCommandsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pytest -q",
        "python -m pytest tests/test_app.py",
        "python -m unittest discover",
        "./mvnw -B -q verify",
        "mvn test -Dtest=AppTest",
        "./gradlew test",
        "npm run test",
        "npm test",
        "go test ./...",
        "cargo test --release",
        "npx jest src",
        "cd app && make test",
        "{\"command\": \"bundle exec rspec\"}"
      })
  void seesTestRuns(String command) {
    assertThat(ActivityCommands.runsTests(command)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ls -la",
        "cat tests/test_app.py",
        "{\"path\": \"src/test/java/AppTest.java\"}",
        "go build ./...",
        "npm install; echo test",
        "cargo check",
        "git commit -m 'add tests'"
      })
  void otherCommandsRunNoTests(String command) {
    assertThat(ActivityCommands.runsTests(command)).isFalse();
  }

  @Test
  void nothingRunsNoTests() {
    assertThat(ActivityCommands.runsTests(null)).isFalse();
  }

  @Test
  void hashIgnoresSpacingButNotContentOrPartBoundaries() {
    long hash = ActivityCommands.hash("bash", "ls -la  src");

    assertThat(ActivityCommands.hash(" bash", "ls\t-la src\n")).isEqualTo(hash);
    assertThat(ActivityCommands.hash("bash", "ls -la src2")).isNotEqualTo(hash);
    assertThat(ActivityCommands.hash("bas", "hls -la src")).isNotEqualTo(hash);
    assertThat(ActivityCommands.hash("bash", null)).isEqualTo(ActivityCommands.hash("bash", ""));
  }
}
