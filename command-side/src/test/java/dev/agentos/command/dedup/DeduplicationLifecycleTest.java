package dev.agentos.command.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.command.CommandSideProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The stage is configured from {@code agentos.dedup.*}. Nothing here starts it: the lifecycle is
 * built from bound properties, never refreshed in a context that would start it against Kafka.
 */
class DeduplicationLifecycleTest {

  @Test
  void theDefaultsAreAUsableApplicationIdWindowAndStateDirectory() {
    CommandSideProperties properties = bind(Map.of());
    DeduplicationLifecycle lifecycle = new DeduplicationLifecycle(properties);

    assertThat(lifecycle.settings())
        .isEqualTo(new DeduplicationSettings("agentos-dedup", Duration.ofHours(24)));
    assertThat(properties.dedup().stateDir()).doesNotContain("${");
    assertThat(Path.of(properties.dedup().stateDir()))
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "agentos-dedup"));
  }

  @Test
  void theSettingsComeFromTheProperties() {
    var lifecycle =
        new DeduplicationLifecycle(
            bind(
                Map.of(
                    "agentos.dedup.application-id", "dedup-elsewhere",
                    "agentos.dedup.window", "36h",
                    "agentos.dedup.state-dir", "/var/lib/agentos/dedup")));

    assertThat(lifecycle.settings())
        .isEqualTo(new DeduplicationSettings("dedup-elsewhere", Duration.ofHours(36)));
  }

  @Test
  void aWindowUnderADayIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> new DeduplicationLifecycle(bind(Map.of("agentos.dedup.window", "1h"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
  }

  @Test
  void beforeItStartsItIsNotRunning() {
    var lifecycle = new DeduplicationLifecycle(bind(Map.of()));

    assertThat(lifecycle.isRunning()).isFalse();
    assertThat(lifecycle.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
  }

  @Test
  void itIsNotThereWhenDisabled() {
    new ApplicationContextRunner()
        .withUserConfiguration(DeduplicationLifecycle.class)
        .withPropertyValues("agentos.dedup.enabled=false")
        .run(app -> assertThat(app).doesNotHaveBean(DeduplicationLifecycle.class));
  }

  private static CommandSideProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("agentos", CommandSideProperties.class);
  }
}
