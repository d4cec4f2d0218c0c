package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelPerformanceReported;
import dev.agentos.events.derived.ModelRole;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.events.derived.PredictionMade;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.prediction.PredictionTarget;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.flink.prediction.model.ModelArtifacts;
import dev.agentos.flink.prediction.serving.PredictionsJob;
import dev.agentos.flink.prediction.training.ModelEventPublisher;
import dev.agentos.flink.prediction.training.Retraining;
import dev.agentos.flink.runner.LearningJobsCli;
import dev.agentos.flink.runner.LocalJobCluster;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The predictions job live against the real Kafka and registry: two trained versions of a tenant's
 * model and a promotion on the models topic make a champion and a challenger; each request is
 * predicted by both, and once outcomes follow, each version's live record is reported.
 */
@ExtendWith(LocalStackExtension.class)
class PredictionsJobIT {

  private static final String MODEL = PredictionTarget.EXECUTION_SUCCESS.modelName();

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @Test
  void requestsArePredictedByChampionAndChallengerWhoseLiveRecordFollowsTheOutcomes(
      StackEndpoints stack) throws Exception {
    DerivedTopics topics = new DerivedTopics(stack);
    String first = train(stack, 1);
    String second = train(stack, 2);
    assertThat(promote(stack, first)).isZero(); // the second, newer, now challenges it

    KafkaSettings kafka =
        KafkaSettings.streaming(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl());
    Path checkpoints = Files.createTempDirectory(Path.of("target"), "predictions-checkpoints-");
    try (LocalJobCluster cluster = LocalJobCluster.start(0, 1)) {
      cluster.submit(PredictionsJob.NAME, kafka, checkpoints, Duration.ofMillis(300), 1);
      // Flink orders no broadcast input against a keyed one: probe until both versions serve.
      int[] probes = {0};
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                int probe = probes[0]++;
                topics.publish(Topics.EXECUTIONS, List.of(requested("probe-" + probe, probe)));
                return predictionsOf(topics, "probe-").stream()
                    .anyMatch(p -> p.getRole() == ModelRole.CHALLENGER);
              });

      int at = probes[0] + 10;
      topics.publish(
          Topics.EXECUTIONS,
          List.of(
              requested("run-1", at),
              completed("run-1", at + 20, true),
              requested("run-2", at + 30),
              completed("run-2", at + 50, false),
              requested("trailer", at + 300))); // moves event time past the outcomes' minute

      await().atMost(Duration.ofSeconds(90)).until(() -> predictionsOf(topics, "run-").size() == 4);
      List<PredictionMade> runs = predictionsOf(topics, "run-");
      assertThat(runs)
          .extracting(
              PredictionMade::getExecutionId,
              PredictionMade::getModelVersion,
              PredictionMade::getRole)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("run-1", first, ModelRole.CHAMPION),
              org.assertj.core.groups.Tuple.tuple("run-1", second, ModelRole.CHALLENGER),
              org.assertj.core.groups.Tuple.tuple("run-2", first, ModelRole.CHAMPION),
              org.assertj.core.groups.Tuple.tuple("run-2", second, ModelRole.CHALLENGER));
      assertThat(runs)
          .allSatisfy(
              prediction -> {
                assertThat(prediction.getSuccessProbability()).isBetween(0f, 1f);
                assertThat(prediction.getFeatureSetVersion()).isEqualTo(RequestFeatures.VERSION);
                assertThat(prediction.getFeatures()).containsKey(RequestFeatures.SESSION_ACTIONS);
                assertThat(prediction.getHeader().getTenantId()).isEqualTo(tenant);
              });

      await().atMost(Duration.ofSeconds(90)).until(() -> performanceOf(topics).size() >= 2);
      assertThat(performanceOf(topics))
          .extracting(
              ModelPerformanceReported::getModelVersion,
              ModelPerformanceReported::getRole,
              ModelPerformanceReported::getResolved)
          .contains(
              org.assertj.core.groups.Tuple.tuple(first, ModelRole.CHAMPION, 2L),
              org.assertj.core.groups.Tuple.tuple(second, ModelRole.CHALLENGER, 2L));
    }
  }

  /** Trains a version on examples whose outcome follows the session's success rate so far. */
  private String train(StackEndpoints stack, int seed) throws Exception {
    Path models = Files.createTempDirectory(Path.of("target"), "models-");
    try (ModelEventPublisher publisher =
        new ModelEventPublisher(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl())) {
      Retraining retraining =
          new Retraining(
              new ModelArtifacts(models, new Random(seed)),
              publisher::publish,
              Clock.systemUTC(),
              RequestFeatures.VERSION,
              RequestFeatures.NAMES);
      List<Retraining.Result> results = retraining.trainAll(examples(seed));
      ModelTrained trained = results.get(0).event();
      assertThat(trained).as(results.get(0).outcome().toString()).isNotNull();
      return trained.getModelVersion();
    }
  }

  private List<dev.agentos.flink.prediction.Example> examples(int seed) {
    Random random = new Random(seed);
    int rate = RequestFeatures.indexOf(RequestFeatures.SESSION_EXECUTION_SUCCESS_RATE);
    List<dev.agentos.flink.prediction.Example> examples = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double[] features = RequestFeatures.missing();
      features[rate] = random.nextDouble();
      examples.add(
          new dev.agentos.flink.prediction.Example(
              tenant,
              PredictionTarget.EXECUTION_SUCCESS,
              "x-" + i,
              t0.toEpochMilli() + i,
              features,
              random.nextDouble() < features[rate]));
    }
    return examples;
  }

  private int promote(StackEndpoints stack, String version) {
    return new CommandLine(new LearningJobsCli())
        .execute(
            "promote",
            "--bootstrap-servers",
            stack.kafkaBootstrapServers(),
            "--registry-url",
            stack.schemaRegistryUrl(),
            "--tenant",
            tenant,
            "--model",
            MODEL,
            "--version",
            version,
            "--reason",
            "pinned by PredictionsJobIT");
  }

  private List<PredictionMade> predictionsOf(DerivedTopics topics, String executionPrefix) {
    return topics.committed(
        Topics.PREDICTIONS,
        PredictionMade.class,
        p ->
            p.getHeader().getTenantId().equals(tenant)
                && p.getExecutionId() != null
                && p.getExecutionId().startsWith(executionPrefix));
  }

  private List<ModelPerformanceReported> performanceOf(DerivedTopics topics) {
    List<ModelPerformanceReported> reports = new ArrayList<>();
    for (SpecificRecord event :
        topics.committed(
            Topics.MODELS,
            SpecificRecord.class,
            e ->
                e instanceof ModelPerformanceReported report
                    && report.getHeader().getTenantId().equals(tenant))) {
      reports.add((ModelPerformanceReported) event);
    }
    return reports;
  }

  private ExecutionRequested requested(String execution, int second) {
    return ExecutionRequested.newBuilder()
        .setHeader(header(second))
        .setExecutionId(execution)
        .setLanguage("python")
        .setCommand("pytest -q")
        .setLimits(new ExecutionLimits(10_000L, 256_000_000L, 30_000L, 1_048_576L, false))
        .build();
  }

  private ExecutionCompleted completed(String execution, int second, boolean succeeded) {
    return ExecutionCompleted.newBuilder()
        .setHeader(header(second))
        .setExecutionId(execution)
        .setOutcome(succeeded ? ExecutionOutcome.SUCCEEDED : ExecutionOutcome.FAILED)
        .setExitCode(succeeded ? 0 : 1)
        .setTimedOut(false)
        .setDurationMs(900)
        .setCpuTimeMs(500)
        .setPeakMemoryBytes(10_000_000)
        .setStdoutExcerpt("")
        .setStderrExcerpt(succeeded ? "" : "AssertionError")
        .build();
  }

  private EventHeader header(int second) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(t0.plusSeconds(second))
        .setTenantId(tenant)
        .setProjectId("project-1")
        .setAgentId("agent-1")
        .setSessionId("session-1")
        .setSource("it")
        .build();
  }
}
