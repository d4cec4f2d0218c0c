package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.derived.ModelTrained;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionLimits;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.flink.prediction.RequestFeatures;
import dev.agentos.flink.prediction.model.TrainedModel;
import dev.agentos.flink.runner.LearningJobsCli;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code learning-jobs retrain} against the real Kafka and registry: a generated history of runs
 * whose outcome depends on whether they run tests is replayed, the tenant's execution model is
 * trained, stored and announced on the models topic with its held-out metrics.
 */
@ExtendWith(LocalStackExtension.class)
class RetrainIT {

  private final Instant t0 = DerivedTopics.newHistoryStart();
  private static final int RUNS = 400;

  private final String tenant = "tenant-" + UUID.randomUUID();

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @Test
  void aReplayedHistoryTrainsTheTenantsModelAndAnnouncesIt(StackEndpoints stack) throws Exception {
    DerivedTopics topics = new DerivedTopics(stack);
    topics.publish(Topics.EXECUTIONS, history());
    Path models = Files.createTempDirectory(Path.of("target"), "models-");

    int exit =
        new CommandLine(new LearningJobsCli())
            .execute(
                "retrain",
                "--bootstrap-servers",
                stack.kafkaBootstrapServers(),
                "--registry-url",
                stack.schemaRegistryUrl(),
                "--models",
                models.toString(),
                "--tenant",
                tenant);

    assertThat(exit).isZero();
    List<SpecificRecord> announced =
        topics.committed(
            Topics.MODELS,
            SpecificRecord.class,
            event ->
                event instanceof ModelTrained trained
                    && trained.getHeader().getTenantId().equals(tenant));
    assertThat(announced).hasSize(1);
    ModelTrained trained = (ModelTrained) announced.get(0);
    System.out.println("announced: " + trained.getModelVersion() + " " + trained.getMetrics());
    assertThat(trained.getModelName()).isEqualTo("execution-success");
    assertThat(trained.getTrainedOn() + trained.getEvaluatedOn()).isEqualTo(RUNS);
    // Whether a run tests is the signal: a perfect model would reach an AUC of about 0.83; 80
    // held-out examples leave a standard error of about 0.05.
    assertThat(trained.getMetrics().get("auc")).isGreaterThan(0.65);
    assertThat(trained.getFeatureNames()).isEqualTo(RequestFeatures.NAMES);
    assertThat(trained.getCalibration()).isNotEmpty();
    try (TrainedModel model =
        TrainedModel.load(URI.create(trained.getArtifactUri()), trained.getArtifactSha256())) {
      assertThat(model.featureCount()).isEqualTo(RequestFeatures.NAMES.size());
    }
  }

  /** Runs of four agents, a minute apart: test runs succeed 85 % of the time, the others 20 %. */
  private List<SpecificRecord> history() {
    Random random = new Random(11);
    List<SpecificRecord> events = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      boolean tests = random.nextBoolean();
      boolean succeeded = random.nextDouble() < (tests ? 0.85 : 0.2);
      String agent = "agent-" + (i % 4);
      String session = agent + "-session-" + (i / 40);
      String execution = "exec-" + tenant + "-" + i;
      Instant requested = t0.plusSeconds(60L * i);
      events.add(
          ExecutionRequested.newBuilder()
              .setHeader(header(requested, agent, session))
              .setExecutionId(execution)
              .setLanguage("python")
              .setCommand(tests ? "pytest -q tests/test_" + (i % 7) + ".py" : "python app.py")
              .setLimits(new ExecutionLimits(10_000L, 256_000_000L, 30_000L, 1_048_576L, false))
              .build());
      events.add(
          ExecutionCompleted.newBuilder()
              .setHeader(header(requested.plusSeconds(20), agent, session))
              .setExecutionId(execution)
              .setOutcome(succeeded ? ExecutionOutcome.SUCCEEDED : ExecutionOutcome.FAILED)
              .setExitCode(succeeded ? 0 : 1)
              .setTimedOut(false)
              .setDurationMs(900)
              .setCpuTimeMs(500)
              .setPeakMemoryBytes(10_000_000)
              .setStdoutExcerpt("")
              .setStderrExcerpt(succeeded ? "" : "AssertionError")
              .build());
    }
    return events;
  }

  private EventHeader header(Instant at, String agent, String session) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setProjectId("project-1")
        .setAgentId(agent)
        .setSessionId(session)
        .setSource("it")
        .build();
  }
}
