package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.patterns.ErrorPatternsJob;
import dev.agentos.flink.runner.LocalJobCluster;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The error pattern job stopped mid-stream (its whole local cluster shut down, as {@code ./agentos
 * down} does) and started again resumes from its checkpoint: every detection the history calls for
 * is written, none twice. The reference is the same history replayed bounded, whose detections have
 * the same ids because the job's output depends only on the history.
 */
@ExtendWith(LocalStackExtension.class)
class JobRestartIT {

  private static final String[] MODULES = {"requests", "numpy", "pandas"};

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @Test
  void aJobStoppedMidStreamResumesFromItsCheckpointWithoutLossOrDuplicates(StackEndpoints stack)
      throws Exception {
    DerivedTopics topics = new DerivedTopics(stack);
    KafkaSettings kafka =
        KafkaSettings.streaming(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    Path checkpoints = Files.createTempDirectory(Path.of("target"), "restart-checkpoints-");

    topics.publish(Topics.EXECUTIONS, failures(0, 300));
    try (LocalJobCluster first = LocalJobCluster.start(0, 1)) {
      first.submit(ErrorPatternsJob.NAME, kafka, checkpoints, Duration.ofMillis(300), 1);
      await().atMost(Duration.ofSeconds(90)).until(() -> !detections(topics).isEmpty());
      topics.publish(Topics.EXECUTIONS, failures(300, 600)); // still flowing when it stops
    }
    try (LocalJobCluster second = LocalJobCluster.start(0, 1)) {
      second.submit(ErrorPatternsJob.NAME, kafka, checkpoints, Duration.ofMillis(300), 1);
      // A failure hours later moves event time past every earlier hour, closing their reports.
      topics.publish(Topics.EXECUTIONS, List.of(failure(100_000, "closing")));
      // Every failure counted: each module's pattern reports 200 occurrences once its hours close.
      await()
          .atMost(Duration.ofSeconds(150))
          .untilAsserted(
              () ->
                  assertThat(counted(detections(topics)).values())
                      .containsExactlyInAnyOrder(200L, 200L, 200L, 1L));
    }
    List<PatternDetected> streamed = detections(topics);

    assertThat(streamed).extracting(p -> p.getHeader().getEventId()).doesNotHaveDuplicates();
    assertThat(counted(streamed).values()).containsExactlyInAnyOrder(200L, 200L, 200L, 1L);
    assertThat(streamed).filteredOn(pattern -> pattern.getStatus() == PatternStatus.NEW).hasSize(4);
  }

  /** The highest count reported of each pattern. */
  private static Map<String, Long> counted(List<PatternDetected> detections) {
    return detections.stream()
        .collect(
            Collectors.toMap(
                PatternDetected::getSignature, PatternDetected::getOccurrences, Math::max));
  }

  private List<PatternDetected> detections(DerivedTopics topics) {
    return topics.committedOf(Topics.PATTERNS, PatternDetected.class, tenant);
  }

  /** Failures {@code from} (inclusive) to {@code to}, 30 s of event time apart, modules in turn. */
  private List<ExecutionCompleted> failures(int from, int to) {
    List<ExecutionCompleted> failures = new ArrayList<>();
    for (int i = from; i < to; i++) {
      failures.add(failure(i * 30L, MODULES[i % MODULES.length]));
    }
    return failures;
  }

  private ExecutionCompleted failure(long second, String module) {
    String stderr =
        "Traceback (most recent call last):\n  File \"/w/app.py\", line 3, in <module>\n"
            + "    import "
            + module
            + "\nModuleNotFoundError: No module named "
            + module
            + "\n";
    EventHeader header =
        EventHeader.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(t0.plusSeconds(second))
            .setTenantId(tenant)
            .setProjectId("project-1")
            .setAgentId("agent-" + (second % 7))
            .setSessionId("session-" + (second % 11))
            .setSource("it")
            .build();
    return ExecutionCompleted.newBuilder()
        .setHeader(header)
        .setExecutionId("exec-" + second)
        .setOutcome(ExecutionOutcome.FAILED)
        .setExitCode(1)
        .setTimedOut(false)
        .setDurationMs(100)
        .setCpuTimeMs(50)
        .setPeakMemoryBytes(1_000_000)
        .setStdoutExcerpt("")
        .setStderrExcerpt(stderr)
        .build();
  }
}
