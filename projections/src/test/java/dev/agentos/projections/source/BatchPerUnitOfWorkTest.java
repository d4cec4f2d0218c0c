package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class BatchPerUnitOfWorkTest {

  private final List<List<String>> flushed = new ArrayList<>();
  private final BatchPerUnitOfWork<String> batch = new BatchPerUnitOfWork<>("test", flushed::add);

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
}
