package dev.agentos.executor.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.VerificationRequested;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake over Kafka's own {@link MockConsumer}: requests run on a bounded number of slots, the
 * consumer pauses while they are full, and offsets are committed only past recorded requests.
 */
class RequestIntakeTest {

  private static final String TOPIC = "agentos.executions.v1";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final Map<Long, SpecificRecord> events = new ConcurrentHashMap<>();
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private RequestIntake intake;
  private Thread thread;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (intake != null) {
      intake.stop();
      thread.join(10_000);
    }
  }

  @Test
  void aFullSetOfSlotsPausesTheConsumerAndOffsetsStopAtTheFirstRequestRunning() throws Exception {
    start(
        2,
        (request, verification) -> {
          ran.add(request.getExecutionId());
          release.await(10, TimeUnit.SECONDS);
        });
    deliver(
        Requests.request("e0"), Requests.request("e1"), Requests.request("e2"), completed("e9"));

    await().atMost(Duration.ofSeconds(5)).until(() -> consumer.paused().contains(PARTITION));
    assertThat(ran).containsExactlyInAnyOrder("e0", "e1");
    assertThat(intake.running()).isEqualTo(2);
    assertThat(committed()).isIn(null, 0L);

    release.countDown();

    await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(4).equals(committed()));
    assertThat(ran).containsExactlyInAnyOrder("e0", "e1", "e2");
    assertThat(consumer.paused()).isEmpty();
  }

  @Test
  void aVerificationIsHandedOverWithTheExecutionThatRunsItsTests() throws Exception {
    Map<String, String> verified = new ConcurrentHashMap<>();
    start(
        1,
        (request, verification) ->
            verified.put(
                request.getExecutionId(),
                verification == null ? "none" : verification.getVerificationId()));
    deliver(verification("v1", "e1"), Requests.request("e1"), Requests.request("e2"));

    await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(3).equals(committed()));
    assertThat(verified).isEqualTo(Map.of("e1", "v1", "e2", "none"));
  }

  @Test
  void aRequestWhoseHandlingThrowsIsSkippedAndTheNextOnesStillRun() throws Exception {
    start(
        1,
        (request, verification) -> {
          ran.add(request.getExecutionId());
          if (request.getExecutionId().equals("e0")) {
            throw new IllegalStateException("broken on purpose");
          }
        });
    deliver(Requests.request("e0"), null, Requests.request("e2"));

    await().atMost(Duration.ofSeconds(5)).until(() -> Long.valueOf(3).equals(committed()));
    assertThat(ran).containsExactly("e0", "e2");
  }

  private void start(int slots, RequestHandler handler) {
    intake =
        new RequestIntake(
            consumer,
            TOPIC,
            record -> events.get(record.offset()),
            handler,
            slots,
            Duration.ofSeconds(5));
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(PARTITION));
          consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        });
    thread = new Thread(intake, "intake");
    thread.start();
  }

  /** Delivers the events at offsets 0, 1, ...; a null stands for a record that cannot be read. */
  private void deliver(SpecificRecord... records) {
    consumer.schedulePollTask(
        () -> {
          for (int offset = 0; offset < records.length; offset++) {
            if (records[offset] != null) {
              events.put((long) offset, records[offset]);
            }
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "key", new byte[0]));
          }
        });
  }

  private Long committed() {
    OffsetAndMetadata offset = consumer.committed(Set.of(PARTITION)).get(PARTITION);
    return offset == null ? null : offset.offset();
  }

  private static VerificationRequested verification(String verificationId, String executionId) {
    return VerificationRequested.newBuilder()
        .setHeader(Requests.header())
        .setVerificationId(verificationId)
        .setSuggestionId("s1")
        .setExecutionId(executionId)
        .setTestCommand("python3 -m pytest -q")
        .build();
  }

  private static ExecutionCompleted completed(String executionId) {
    return ExecutionCompleted.newBuilder()
        .setHeader(Requests.header())
        .setExecutionId(executionId)
        .setOutcome(ExecutionOutcome.SUCCEEDED)
        .setExitCode(0)
        .setTimedOut(false)
        .setDurationMs(1)
        .setCpuTimeMs(1)
        .setPeakMemoryBytes(1)
        .setStdoutExcerpt("")
        .setStderrExcerpt("")
        .setOutputTruncated(false)
        .build();
  }
}
