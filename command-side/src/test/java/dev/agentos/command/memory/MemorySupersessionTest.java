package dev.agentos.command.memory;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static dev.agentos.command.FixedEventHeaders.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.context.InMemoryContextDirectory;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.memory.api.StoreMemoryCommand;
import dev.agentos.command.memory.api.SupersedeMemoryCommand;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.schemas.streams.StreamIds;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Superseding touches two memories, which Axon's aggregate fixture cannot follow, so this test runs
 * {@link MemorySupersession} on a real event-sourcing repository over an in-memory store. Its
 * refusals are tested in {@link MemoryTest}.
 */
class MemorySupersessionTest {

  private static final CommandOrigin CALLER = new CommandOrigin("t1", "p1", "a1", null, null);

  private final EmbeddedEventStore events =
      EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
  private final MemorySupersession supersession =
      new MemorySupersession(
          EventSourcingRepository.builder(Memory.class).eventStore(events).build());
  private final InMemoryContextDirectory contexts =
      new InMemoryContextDirectory().open("c1", "t1", "main");

  @Test
  void canSupersedeAMemoryByANewOneInOneStep() throws Exception {
    events.publish(
        new GenericDomainEventMessage<>(
            "Memory", StreamIds.of("t1", "m1"), 0, stored("m1", "Use UTC")));

    var result =
        DefaultUnitOfWork.startAndGet(null)
            .executeWithResult(
                () ->
                    supersession.handle(
                        new SupersedeMemoryCommand(
                            "m1",
                            null,
                            new StoreMemoryCommand("m5", "c1", content("Use UTC always"), CALLER),
                            "more precise",
                            CALLER),
                        HEADERS,
                        contexts,
                        new InMemoryMemoryDirectory()));

    assertThat(result.isExceptional())
        .as(String.valueOf(result.optionalExceptionResult()))
        .isFalse();
    assertThat(result.getPayload()).isEqualTo(new CommandResult("m5", 0));
    assertThat(payloads("m5")).containsExactly(stored("m5", "Use UTC always"));
    assertThat(payloads("m1"))
        .containsExactly(
            stored("m1", "Use UTC"),
            new MemorySuperseded(FixedEventHeaders.of(CALLER), "m1", "m5", "more precise"));
  }

  /** The events of tenant t1's memory {@code memoryId}. */
  private List<Object> payloads(String memoryId) {
    return events
        .readEvents(StreamIds.of("t1", memoryId))
        .asStream()
        .<Object>map(EventMessage::getPayload)
        .toList();
  }

  private static MemoryContent content(String text) {
    return new MemoryContent(
        text, MemoryType.FACT, List.of(), Map.of(), 1f, null, NOW.plusSeconds(3600));
  }

  private static MemoryStored stored(String memoryId, String text) {
    return MemoryEvents.stored(FixedEventHeaders.of(CALLER), memoryId, "c1", content(text));
  }
}
