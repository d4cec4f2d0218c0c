package dev.agentos.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.command.EventTooLargeException;
import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.common.EventHeader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class EventSizeLimitTest {

  @Test
  void refusesAnEventOverTheLimitNamingItsLargestFieldAndStoresNothing() {
    EmbeddedEventStore store =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    try {
      new EventSizeLimit().eventSizeCheck(store);
      // 300,000 three-byte characters: 900,000 bytes in UTF-8 for one value alone.
      EventMessage<?> tooLarge =
          new GenericDomainEventMessage<>("Agent", "agent-7", 0, registered("€".repeat(300_000)));

      assertThatThrownBy(() -> store.publish(tooLarge))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining(
              "the AgentRegistered event of agent-7 this request would store is 900,")
          .hasMessageContaining("over the limit of 900,000 bytes")
          .hasMessageContaining("its largest field is metadata (900,0")
          .extracting(e -> ((EventTooLargeException) e).field())
          .isEqualTo("metadata");
      assertThat(store.openStream(null).hasNextAvailable()).isFalse();

      store.publish(GenericEventMessage.asEventMessage(registered("€".repeat(290_000))));
      assertThat(store.openStream(null).hasNextAvailable()).isTrue();
    } finally {
      store.shutDown();
    }
  }

  @Test
  void countsTheBytesOfAvrosBinaryEncoding() throws Exception {
    AgentRegistered event = registered("abc");
    assertThat(
            EventSizeLimit.encodedSize(
                SpecificData.getForClass(AgentRegistered.class), event.getSchema(), event))
        .isEqualTo(event.toByteBuffer().remaining() - 10); // less the single-object header
  }

  @Test
  void letsEveryOtherPayloadThrough() {
    var check = EventSizeLimit.checkEach(List.of());
    EventMessage<?> text = GenericEventMessage.asEventMessage("x".repeat(2_000_000));
    assertThat(check.apply(0, text)).isSameAs(text);
  }

  private static AgentRegistered registered(String notes) {
    return AgentRegistered.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId("e-1")
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setTenantId("t")
                .setProjectId("p")
                .setAgentId("a")
                .setSource("test")
                .build())
        .setDisplayName("Agent")
        .setClient("test")
        .setMetadata(Map.of("notes", notes))
        .build();
  }
}
