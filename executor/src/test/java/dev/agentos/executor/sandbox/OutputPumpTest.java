package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutputPumpTest {

  private final AtomicInteger overflows = new AtomicInteger();
  private final ByteArrayOutputStream heard = new ByteArrayOutputStream();

  @Test
  void keepsEverythingWithinTheLimitAndCallsNoKill() {
    OutputPump pump = pump("hello\n", new AtomicLong(), 100);
    pump.run();

    assertThat(pump.excerpt().text()).isEqualTo("hello\n");
    assertThat(pump.excerpt().truncated()).isFalse();
    assertThat(heard.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    assertThat(overflows).hasValue(0);
  }

  @Test
  void keepsTheFirstBytesOfAFloodAndCallsTheKillOnce() {
    OutputPump pump = pump("x".repeat(100_000), new AtomicLong(), 1000);
    pump.run();

    assertThat(pump.excerpt().size()).isEqualTo(1000);
    assertThat(pump.excerpt().truncated()).isTrue();
    assertThat(heard.size()).isEqualTo(1000);
    assertThat(overflows).hasValue(1);
  }

  @Test
  void theTwoStreamsShareOneLimit() {
    AtomicLong used = new AtomicLong();
    OutputPump stdout = pump("a".repeat(600), used, 1000);
    OutputPump stderr = pump("b".repeat(600), used, 1000);
    stdout.run();
    stderr.run();

    assertThat(stdout.excerpt().size()).isEqualTo(600);
    assertThat(stderr.excerpt().size()).isEqualTo(400);
    assertThat(stderr.excerpt().truncated()).isTrue();
    assertThat(overflows).hasValue(1);
  }

  private OutputPump pump(String written, AtomicLong used, long limit) {
    return new OutputPump(
        new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)),
        OutputListener.Channel.STDOUT,
        used,
        limit,
        (channel, chunk) -> heard.writeBytes(chunk),
        overflows::incrementAndGet);
  }
}
