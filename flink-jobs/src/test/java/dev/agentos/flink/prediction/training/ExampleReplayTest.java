package dev.agentos.flink.prediction.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.flink.prediction.Example;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class ExampleReplayTest {

  @Test
  void bringsEveryExampleBackAndEndsTheProgressLineWithWhatWasCounted() throws Exception {
    List<Example> history = SyntheticHistory.withSignal(500, 1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<Example> counted =
        env.fromData(history)
            .map(new CountingReads.Count<Example>())
            .returns(TypeInformation.of(Example.class))
            .filter(new ExampleWindow(null, null, SyntheticHistory.TENANT));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    ExampleReplay.Replayed replayed =
        ExampleReplay.run(
            env,
            counted,
            "replay-test",
            new PrintStream(progress, true, StandardCharsets.UTF_8),
            Duration.ofMillis(200));

    assertThat(replayed.examples()).containsExactlyInAnyOrderElementsOf(history);
    assertThat(replayed.eventsRead()).isEqualTo(500);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .matches("(?s).*\rread 500 events, [0-9,]+ events/s *\n");
  }

  @Test
  void theWindowKeepsTheTenantsExamplesFromItsStartUntilBeforeItsEnd() {
    Example at100 = SyntheticHistory.at("a", 100, true);
    ExampleWindow window =
        new ExampleWindow(
            java.time.Instant.ofEpochMilli(100), java.time.Instant.ofEpochMilli(200), "tenant-a");

    assertThat(window.filter(at100)).isTrue();
    assertThat(window.filter(SyntheticHistory.at("b", 199, true))).isTrue();
    assertThat(window.filter(SyntheticHistory.at("c", 200, true))).isFalse();
    assertThat(window.filter(SyntheticHistory.at("d", 99, true))).isFalse();
    assertThat(new ExampleWindow(null, null, "tenant-b").filter(at100)).isFalse();
  }
}
