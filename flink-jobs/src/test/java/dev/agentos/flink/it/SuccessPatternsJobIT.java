package dev.agentos.flink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import dev.agentos.events.derived.PatternDetected;
import dev.agentos.events.derived.PatternKind;
import dev.agentos.events.derived.PatternStatus;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.events.interactions.ToolCallRecorded;
import dev.agentos.events.interactions.ToolCallStatus;
import dev.agentos.flink.io.KafkaJobIo;
import dev.agentos.flink.io.KafkaSettings;
import dev.agentos.flink.job.Checkpoints;
import dev.agentos.flink.patterns.success.SuccessPatternSettings;
import dev.agentos.flink.patterns.success.SuccessPatternsJob;
import dev.agentos.schemas.avro.GeneratedAvroClasses;
import dev.agentos.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The success pattern job on a MiniCluster against the real Kafka and registry: sessions of tool
 * calls and proposals, and their verifications, in; the SUCCESS patterns of each suggestion kind,
 * language and tool sequence out, with their support and rate; an unreadable record dead-lettered;
 * and the same history replayed giving the same detections. Each test is its own tenant and its own
 * day: a history published after another must not be earlier in event time, or the job, reading the
 * topics whole, finds it behind the watermark. The job runs bounded, to the topics' ends.
 */
@ExtendWith(LocalStackExtension.class)
class SuccessPatternsJobIT {

  private static final String TOOLS = "tools:read_file>edit_file>run_tests";

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final Instant t0 = DerivedTopics.newHistoryStart();
  private StackEndpoints stack;
  private DerivedTopics topics;

  @BeforeAll
  static void trustGeneratedClasses() {
    GeneratedAvroClasses.trust();
  }

  @BeforeEach
  void connect(StackEndpoints stack) {
    this.stack = stack;
    this.topics = new DerivedTopics(stack);
  }

  @Test
  void verifiedSuggestionsBecomeSuccessPatternsOfTheirKindLanguageAndToolSequence()
      throws Exception {
    publishTheHistory();
    String garbageKey = "garbage-" + tenant;
    topics.publishRaw(Topics.INTERACTIONS, garbageKey, "not avro".getBytes(StandardCharsets.UTF_8));

    runToTheEnd();

    // Five labelled tries in the first hour (4 passed, 1 failed; an ERROR verdict and a suggestion
    // never verified do not count): NEW at support 5. One more, passed, the next hour: RECURRING.
    List<PatternDetected> patterns = patternsOfTenant();
    assertThat(patterns)
        .extracting(
            PatternDetected::getSignature,
            PatternDetected::getStatus,
            PatternDetected::getSupport,
            PatternDetected::getOccurrences,
            PatternDetected::getSuccessRate)
        .containsExactlyInAnyOrder(
            tuple("kind:UNIFIED_DIFF:file", PatternStatus.NEW, 5L, 4L, 0.8),
            tuple("language:python", PatternStatus.NEW, 5L, 4L, 0.8),
            tuple(TOOLS, PatternStatus.NEW, 5L, 4L, 0.8),
            tuple("kind:UNIFIED_DIFF:file", PatternStatus.RECURRING, 6L, 5L, 5.0 / 6),
            tuple("language:python", PatternStatus.RECURRING, 6L, 5L, 5.0 / 6),
            tuple(TOOLS, PatternStatus.RECURRING, 6L, 5L, 5.0 / 6));
    assertThat(patterns)
        .allSatisfy(
            p -> {
              assertThat(p.getKind()).isEqualTo(PatternKind.SUCCESS);
              assertThat(p.getLanguage()).isEqualTo("python");
              assertThat(p.getHeader().getProjectId()).isEqualTo("project-1");
              assertThat(p.getFirstSeenAt()).isEqualTo(labelledAt(1));
            });
    PatternDetected latestTools =
        patterns.stream()
            .filter(p -> p.getSignature().equals(TOOLS) && p.getSupport() == 6)
            .findFirst()
            .orElseThrow();
    assertThat(latestTools.getLastSeenAt()).isEqualTo(labelledAt(8));
    assertThat(latestTools.getRecentOccurrences()).isEqualTo(1);
    assertThat(latestTools.getAgentsAffected()).isEqualTo(4); // the 8th's agent is the 3rd's
    assertThat(latestTools.getSessionsAffected()).isEqualTo(5);
    assertThat(latestTools.getExamples()).hasSize(5);

    assertThat(
            topics.committed(
                Topics.DEAD_LETTERS,
                RecordDeadLettered.class,
                letter ->
                    letter.getStage().equals(SuccessPatternsJob.NAME)
                        && letter.getKey() != null
                        && new String(letter.getKey().array(), StandardCharsets.UTF_8)
                            .equals(garbageKey)))
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.getSourceTopic()).isEqualTo(Topics.INTERACTIONS.name());
              assertThat(letter.getReason())
                  .startsWith("cannot read " + Topics.INTERACTIONS.name());
            });
  }

  @Test
  void theSameHistoryReplayedMakesTheSameDetections() throws Exception {
    publishTheHistory();

    runToTheEnd();
    List<PatternDetected> first = patternsOfTenant();
    runToTheEnd();
    List<PatternDetected> both = patternsOfTenant();

    assertThat(first).hasSize(6);
    assertThat(both).hasSize(12);
    assertThat(both.stream().map(p -> p.getHeader().getEventId()).distinct().sorted().toList())
        .isEqualTo(first.stream().map(p -> p.getHeader().getEventId()).sorted().toList());
    assertThat(both).containsAll(first);
  }

  /**
   * Suggestions 1 to 7 in the first hour, 8 in the second, each in a session of its own where the
   * agent read, edited and ran the tests before proposing. Verdicts: 1-4 and 8 passed, 5 failed, 6
   * could not be run (ERROR), 7 was never verified. The verdicts are published first: the job joins
   * them whichever comes first.
   */
  private void publishTheHistory() throws Exception {
    List<SpecificRecord> interactions = new ArrayList<>();
    List<SpecificRecord> executions = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      interactions.add(toolCall(i, 1, "read_file"));
      interactions.add(toolCall(i, 2, "edit_file"));
      interactions.add(toolCall(i, 3, "run_tests"));
      interactions.add(proposal(i));
      VerificationVerdict verdict =
          switch (i) {
            case 5 -> VerificationVerdict.FAILED;
            case 6 -> VerificationVerdict.ERROR;
            default -> VerificationVerdict.PASSED;
          };
      if (i != 7) {
        executions.add(verification(i, verdict));
      }
    }
    topics.publish(Topics.EXECUTIONS, executions);
    topics.publish(Topics.INTERACTIONS, interactions);
  }

  private void runToTheEnd() throws Exception {
    Path checkpoints = Files.createTempDirectory(Path.of("target"), "checkpoints-");
    StreamExecutionEnvironment env =
        Checkpoints.environment(Duration.ofMillis(500), checkpoints.toAbsolutePath().toUri());
    env.setParallelism(2);
    KafkaSettings settings =
        KafkaSettings.streaming(stack.kafkaBootstrapServers(), stack.schemaRegistryUrl())
            .boundedToEnd();
    SuccessPatternsJob.define(
        env,
        new KafkaJobIo(SuccessPatternsJob.NAME, settings),
        SuccessPatternSettings.defaults(),
        settings.outOfOrderness());
    env.execute(SuccessPatternsJob.NAME);
  }

  private List<PatternDetected> patternsOfTenant() {
    return topics.committed(
        Topics.PATTERNS,
        PatternDetected.class,
        pattern -> pattern.getHeader().getTenantId().equals(tenant));
  }

  /** Suggestion {@code i}'s session starts {@code i} minutes in, the 8th an hour later. */
  private Instant sessionStart(int i) {
    return t0.plus(Duration.ofMinutes(i == 8 ? 70 : i));
  }

  private Instant labelledAt(int i) {
    return sessionStart(i).plusSeconds(30);
  }

  private EventHeader header(int i, Instant at) {
    return EventHeader.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(at)
        .setTenantId(tenant)
        .setProjectId("project-1")
        .setAgentId("agent-" + (i % 5))
        .setSessionId("session-" + tenant + "-" + i)
        .setSource("it")
        .build();
  }

  private ToolCallRecorded toolCall(int i, int second, String tool) {
    return ToolCallRecorded.newBuilder()
        .setHeader(header(i, sessionStart(i).plusSeconds(second)))
        .setToolCallId("call-" + i + "-" + second)
        .setToolName(tool)
        .setArgumentsJson("{}")
        .setStatus(ToolCallStatus.SUCCEEDED)
        .setDurationMs(5)
        .build();
  }

  private CodeSuggestionProposed proposal(int i) {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(header(i, sessionStart(i).plusSeconds(10)))
        .setSuggestionId("sug-" + i)
        .setLanguage("python")
        .setFilePath("src/app.py")
        .setFormat(SuggestionFormat.UNIFIED_DIFF)
        .setCode("--- a/src/app.py\n+++ b/src/app.py\n")
        .build();
  }

  private VerificationCompleted verification(int i, VerificationVerdict verdict) {
    boolean passed = verdict == VerificationVerdict.PASSED;
    return VerificationCompleted.newBuilder()
        .setHeader(header(i, labelledAt(i)))
        .setVerificationId("ver-" + i)
        .setSuggestionId("sug-" + i)
        .setExecutionId("exec-" + i)
        .setVerdict(verdict)
        .setTestsRun(4)
        .setPassed(passed ? 4 : 2)
        .setFailed(passed ? 0 : 2)
        .build();
  }
}
