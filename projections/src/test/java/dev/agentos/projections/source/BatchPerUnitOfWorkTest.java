package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.deadletters.RecordDeadLettered;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class BatchPerUnitOfWorkTest {

  private final List<List<String>> flushed = new ArrayList<>();
  private final List<RecordDeadLettered> letters = new ArrayList<>();
  private final RefusedRecords refused =
      new RefusedRecords(letters::add, Clock.fixed(SourceFixtures.AT, ZoneOffset.UTC));
  private final BatchPerUnitOfWork<String> batch =
      new BatchPerUnitOfWork<>("test", BatchWriter.refusingNothing(flushed::add), refused);

  @Test
  void itemsOfOneUnitOfWorkAreWrittenOnceInOrderWhenItCommits() {
    DefaultUnitOfWork<?> unitOfWork =
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
    batch.add("a");
    batch.add("b");
    assertThat(flushed).as("nothing before the commit").isEmpty();
    unitOfWork.commit();
    assertThat(flushed).containsExactly(List.of("a", "b"));
  }

  @Test
  void aRolledBackUnitOfWorkWritesNothing() {
    DefaultUnitOfWork<?> unitOfWork =
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
    batch.add("a");
    unitOfWork.rollback();
    assertThat(flushed).isEmpty();
  }

  @Test
  void outsideAUnitOfWorkAnItemIsWrittenAtOnce() {
    batch.add("a");
    assertThat(flushed).containsExactly(List.of("a"));
  }

  @Test
  void anItemTheStoreRefusesForGoodSetsAsideTheRecordThatMadeItAndTheBatchCommits() {
    List<String> written = new ArrayList<>();
    BatchPerUnitOfWork<String> refusing =
        new BatchPerUnitOfWork<>(
            "memory-search",
            items -> {
              written.addAll(items);
              return items.stream()
                  .filter(item -> item.startsWith("bad"))
                  .map(item -> new Refusal<>(item, "too large: " + item, "illegal_argument"))
                  .toList();
            },
            refused);
    BatchingUnitOfWork<EventMessage<?>> unitOfWork =
        new BatchingUnitOfWork<>(List.of(fromKafka(7), fromKafka(8), fromKafka(9)));

    unitOfWork.executeWithResult(
        () -> {
          long offset = KafkaRecordOrigin.of(unitOfWork.getMessage()).offset();
          refusing.add(offset == 8 ? "bad-8" : "good-" + offset);
          return null;
        });

    assertThat(written).containsExactly("good-7", "bad-8", "good-9");
    assertThat(letters).hasSize(1);
    RecordDeadLettered letter = letters.get(0);
    assertThat(letter.getSourceOffset()).isEqualTo(8);
    assertThat(letter.getStage()).isEqualTo("memory-search");
    assertThat(letter.getReason()).isEqualTo("too large: bad-8");
    assertThat(letter.getErrorClass()).isEqualTo("illegal_argument");
  }

  @Test
  void aRefusedItemOfAnEventNotFromKafkaFailsTheBatch() {
    BatchPerUnitOfWork<String> refusing =
        new BatchPerUnitOfWork<>(
            "test", items -> List.of(new Refusal<>(items.get(0), "no", null)), refused);

    assertThatThrownBy(() -> refusing.add("a")).hasMessageContaining("no");
    assertThat(letters).isEmpty();
  }

  private static EventMessage<?> fromKafka(long offset) {
    KafkaRecordOrigin origin =
        new KafkaRecordOrigin("agentos.memory.v1", 0, offset, "m", new byte[] {1}, Map.of());
    return GenericEventMessage.asEventMessage("event " + offset)
        .withMetaData(MetaData.with(KafkaRecordOrigin.METADATA_KEY, origin));
  }
}
