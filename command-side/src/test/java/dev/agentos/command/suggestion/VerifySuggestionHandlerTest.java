package dev.agentos.command.suggestion;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.execution.Execution;
import dev.agentos.command.execution.TestLimits;
import dev.agentos.command.execution.api.RequestedLimits;
import dev.agentos.command.execution.secrets.InMemoryEnvironmentVault;
import dev.agentos.command.suggestion.api.VerificationAccepted;
import dev.agentos.command.suggestion.api.VerifySuggestionCommand;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.schemas.streams.StreamIds;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler changes two aggregates in one unit of work, so it is tested with Axon's real
 * event-sourcing repositories over one in-memory event store: what one commit stores, or not.
 */
class VerifySuggestionHandlerTest {

  private static final CommandOrigin AGENT = new CommandOrigin("t1", "p1", "a1", "s1", null);

  private EventStore store;
  private VerifySuggestionHandler handler;

  @BeforeEach
  void setUp() {
    store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    handler =
        new VerifySuggestionHandler(repository(Suggestion.class), repository(Execution.class));
  }

  @Test
  void storesTheVerificationAndTheExecutionOfTheSuggestedCodeWithTheTests() {
    propose("s1", SuggestionFormat.FULL_FILE, "calc.py", "def add(a, b): return a + b");

    ResultMessage<VerificationAccepted> result =
        verify("s1", Map.of("test_calc.py", "from calc import add"), null);

    assertThat(result.getPayload()).isEqualTo(new VerificationAccepted("v1", "e1", "s1", 1));
    assertThat(payloads("s1")).last().isInstanceOf(VerificationRequested.class);
    ExecutionRequested execution = (ExecutionRequested) payloads("e1").get(0);
    assertThat(execution.getSuggestionId()).isEqualTo("s1");
    assertThat(execution.getVerificationId()).isEqualTo("v1");
    assertThat(execution.getCommand()).isEqualTo("pytest -q");
    assertThat(execution.getFiles())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "calc.py", "def add(a, b): return a + b",
                "test_calc.py", "from calc import add"));
    assertThat(execution.getLimits()).isEqualTo(TestLimits.DEFAULTS);
  }

  @Test
  void storesNeitherWhenTheExecutionIsRefused() {
    propose("s1", SuggestionFormat.FULL_FILE, "calc.py", "def add(a, b): return a + b");

    ResultMessage<VerificationAccepted> result =
        verify("s1", Map.of(), new RequestedLimits(null, null, 999_999_999L, null, null));

    assertThat(result.isExceptional()).isTrue();
    assertThat(result.exceptionResult())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("limits.wallTimeoutMs");
    assertThat(payloads("s1")).hasSize(1);
    assertThat(payloads("e1")).isEmpty();
  }

  @Test
  void namesASnippetWithoutAPathByItsLanguage() {
    propose("s1", SuggestionFormat.SNIPPET, null, "print(1)");

    verify("s1", Map.of(), null);

    assertThat(((ExecutionRequested) payloads("e1").get(0)).getFiles()).containsKey("main.py");
  }

  @Test
  void sendsADiffAsAPatchForTheTestCommandToApply() {
    propose("s1", SuggestionFormat.UNIFIED_DIFF, "calc.py", "--- a/calc.py\n+++ b/calc.py\n");

    verify("s1", Map.of("calc.py", "def add(a, b): return 0"), null);

    assertThat(((ExecutionRequested) payloads("e1").get(0)).getFiles())
        .containsOnlyKeys("calc.py", "suggestion.patch");
  }

  private void propose(String id, SuggestionFormat format, String filePath, String code) {
    store.publish(
        new GenericDomainEventMessage<>(
            "Suggestion",
            StreamIds.of(AGENT.tenantId(), id),
            0,
            CodeSuggestionProposed.newBuilder()
                .setHeader(FixedEventHeaders.of(AGENT))
                .setSuggestionId(id)
                .setLanguage("python")
                .setFilePath(filePath)
                .setFormat(format)
                .setCode(code)
                .build()));
  }

  private ResultMessage<VerificationAccepted> verify(
      String suggestionId, Map<String, String> files, RequestedLimits limits) {
    VerifySuggestionCommand command =
        new VerifySuggestionCommand(
            suggestionId, "v1", "e1", "pytest -q", null, files, limits, AGENT);
    return DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command))
        .executeWithResult(
            () ->
                handler.handle(
                    command, HEADERS, TestLimits.POLICY, new InMemoryEnvironmentVault()));
  }

  /** The events of the caller's tenant's aggregate {@code id}. */
  private List<Object> payloads(String id) {
    return store
        .readEvents(StreamIds.of(AGENT.tenantId(), id))
        .asStream()
        .map(Message::getPayload)
        .map(p -> (Object) p)
        .toList();
  }

  private <T> EventSourcingRepository<T> repository(Class<T> type) {
    ParameterResolverFactory resources =
        MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(type),
            new SimpleResourceParameterResolverFactory(List.of(HEADERS, TestLimits.POLICY)));
    return EventSourcingRepository.builder(type)
        .eventStore(store)
        .parameterResolverFactory(resources)
        .build();
  }
}
