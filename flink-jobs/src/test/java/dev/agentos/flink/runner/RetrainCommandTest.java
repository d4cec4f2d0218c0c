package dev.agentos.flink.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RetrainCommandTest {

  @Test
  void readsItsWindowTenantAndFolder() {
    RetrainCommand retrain = new RetrainCommand();
    new CommandLine(retrain)
        .parseArgs(
            "--bootstrap-servers=127.0.0.1:9092",
            "--registry-url=http://127.0.0.1:8081",
            "--models=/tmp/models",
            "--from=2026-11-01T00:00:00Z",
            "--to=2026-12-01T00:00:00Z",
            "--tenant=acme");

    assertThat(retrain.from).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(retrain.to).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(retrain.tenant).isEqualTo("acme");
    assertThat(retrain.models).isEqualTo(Path.of("/tmp/models"));
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefusedBeforeAnythingRuns() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LearningJobsCli()).setErr(new PrintWriter(err));

    int exit =
        cli.execute(
            "retrain",
            "--bootstrap-servers=127.0.0.1:1",
            "--registry-url=http://127.0.0.1:1",
            "--models=target/no-models",
            "--from=2026-12-01T00:00:00Z",
            "--to=2026-11-01T00:00:00Z");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--from 2026-12-01T00:00:00Z is not before --to");
  }
}
