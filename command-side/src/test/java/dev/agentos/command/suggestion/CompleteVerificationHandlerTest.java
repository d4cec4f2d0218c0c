package dev.agentos.command.suggestion;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FieldLimits;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.execution.Execution;
import dev.agentos.command.execution.TestLimits;
import dev.agentos.command.suggestion.api.CompleteVerificationCommand;
import dev.agentos.command.suggestion.api.CompletedVerification;
import dev.agentos.command.suggestion.api.TestCase;
import dev.agentos.command.suggestion.api.TestCase.Result;
import dev.agentos.events.executions.ExecutionCompleted;
import dev.agentos.events.executions.ExecutionOutcome;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.executions.VerificationVerdict;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.schemas.streams.StreamIds;
import java.util.ArrayList;
import java.util.List;
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
 * A verification's result is recorded once, on its suggestion, after its execution ended, by the
 * executor reaching the tenant the verification is of; with Axon's real repositories over one
 * in-memory event store, as {@link VerifySuggestionHandlerTest}.
 */
class CompleteVerificationHandlerTest {

  private static final CommandOrigin AUTHOR = new CommandOrigin("t1", "p1", "a1", "s1", null);
  private static final CommandOrigin VERIFIER = new CommandOrigin("t1", "p1", "a2", "s2", null);
  private static final CommandOrigin EXECUTOR =
      new CommandOrigin("t1", null, "executor", null, "trace-x", true);
  private static final List<TestCase> TESTS =
      List.of(
          new TestCase("test_calc.py::test_add", Result.PASSED),
          new TestCase("test_calc.py::test_sub", Result.FAILED),
          new TestCase("test_calc.py::test_div", Result.SKIPPED),
          new TestCase("test_calc.py::test_mul", Result.ERROR));

  private EventStore store;
  private CompleteVerificationHandler handler;

  @BeforeEach
  void setUp() {
    store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    handler =
        new CompleteVerificationHandler(repository(Suggestion.class), repository(Execution.class));
    publish("Suggestion", "s1", 0, proposed());
    publish("Suggestion", "s1", 1, verificationRequested());
    publish("Execution", "e1", 0, executionRequested());
  }

  @Test
  void recordsTheVerdictWithCountsAndNamesDerivedFromTheTests() {
    executionEnded();

    ResultMessage<CompletedVerification> result =
        complete("v1", "e1", VerificationVerdict.FAILED, TESTS, EXECUTOR);

    assertThat(result.getPayload()).isEqualTo(new CompletedVerification("v1", "s1", "e1", 2));
    VerificationCompleted completed = (VerificationCompleted) payloads("s1").get(2);
    assertThat(completed.getVerdict()).isEqualTo(VerificationVerdict.FAILED);
    assertThat(completed.getTestsRun()).isEqualTo(3);
    assertThat(completed.getPassed()).isEqualTo(1);
    assertThat(completed.getFailed()).isEqualTo(2);
    assertThat(completed.getSkipped()).isEqualTo(1);
    assertThat(completed.getPassedTestNames()).containsExactly("test_calc.py::test_add");
    assertThat(completed.getFailedTestNames())
        .containsExactly("test_calc.py::test_sub", "test_calc.py::test_mul");
    // The requester's agent and session, so it is keyed and ordered with the request.
    assertThat(completed.getHeader().getAgentId()).isEqualTo("a2");
    assertThat(completed.getHeader().getSessionId()).isEqualTo("s2");
    assertThat(completed.getHeader().getProjectId()).isEqualTo("p1");
    assertThat(completed.getHeader().getTraceId()).isEqualTo("trace-x");
  }

  @Test
  void recordsItOnceOnly() {
    executionEnded();
    complete("v1", "e1", VerificationVerdict.FAILED, TESTS, EXECUTOR);

    ResultMessage<CompletedVerification> again =
        complete("v1", "e1", VerificationVerdict.FAILED, TESTS, EXECUTOR);

    assertThat(again.exceptionResult())
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.kind()).isEqualTo("already-completed"))
        .hasMessage("verification v1 has already completed");
    assertThat(payloads("s1")).hasSize(3);
  }

  @Test
  void waitsForItsExecutionToEnd() {
    ResultMessage<CompletedVerification> early =
        complete("v1", "e1", VerificationVerdict.PASSED, passing(), EXECUTOR);

    assertThat(early.exceptionResult())
        .isInstanceOfSatisfying(
            RuleViolationException.class, e -> assertThat(e.kind()).isEqualTo("not-ended"));
    assertThat(payloads("s1")).hasSize(2);
  }

  @Test
  void anUnknownVerificationOrAnotherTenantsIsNotFound() {
    executionEnded();
    CommandOrigin otherTenant = new CommandOrigin("t2", null, "executor", null, null, true);

    assertThat(
            complete("v9", "e1", VerificationVerdict.PASSED, passing(), EXECUTOR).exceptionResult())
        .isInstanceOf(NotFoundException.class)
        .hasMessage(NotFoundException.NO_ITEM);
    assertThat(
            complete("v1", "e9", VerificationVerdict.PASSED, passing(), EXECUTOR).exceptionResult())
        .isInstanceOf(NotFoundException.class);
    assertThat(
            complete("v1", "e1", VerificationVerdict.PASSED, passing(), otherTenant)
                .exceptionResult())
        .isInstanceOf(NotFoundException.class);
    assertThat(payloads("s1")).hasSize(2);
  }

  @Test
  void aPassedVerdictNeedsAPassedTestAndNoFailedOne() {
    executionEnded();

    assertThat(complete("v1", "e1", VerificationVerdict.PASSED, TESTS, EXECUTOR).exceptionResult())
        .isInstanceOf(InvalidCommandException.class)
        .hasMessageStartingWith("verdict: PASSED needs at least one passed test and no failed one");
    assertThat(
            complete("v1", "e1", VerificationVerdict.PASSED, List.of(), EXECUTOR).exceptionResult())
        .isInstanceOf(InvalidCommandException.class);
    assertThat(complete("v1", "e1", VerificationVerdict.ERROR, List.of(), EXECUTOR).isExceptional())
        .isFalse();
  }

  @Test
  void testsAreBoundedInNumberAndNameLength() {
    executionEnded();
    List<TestCase> many = new ArrayList<>();
    for (int i = 0; i <= FieldLimits.TESTS; i++) {
      many.add(new TestCase("t" + i, Result.PASSED));
    }
    List<TestCase> longName =
        List.of(new TestCase("t".repeat(FieldLimits.TEST_NAME + 1), Result.PASSED));

    assertThat(complete("v1", "e1", VerificationVerdict.PASSED, many, EXECUTOR).exceptionResult())
        .hasMessage("tests: must hold at most 2000 tests, held 2001");
    assertThat(
            complete("v1", "e1", VerificationVerdict.PASSED, longName, EXECUTOR).exceptionResult())
        .hasMessage("tests[0].name: must be at most 300 characters, was 301");
    assertThat(payloads("s1")).hasSize(2);
  }

  private static List<TestCase> passing() {
    return List.of(new TestCase("test_calc.py::test_add", Result.PASSED));
  }

  private ResultMessage<CompletedVerification> complete(
      String verificationId,
      String executionId,
      VerificationVerdict verdict,
      List<TestCase> tests,
      CommandOrigin origin) {
    CompleteVerificationCommand command =
        new CompleteVerificationCommand(verificationId, executionId, verdict, tests, origin);
    return DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command))
        .executeWithResult(() -> handler.handle(command, HEADERS));
  }

  private void executionEnded() {
    publish(
        "Execution",
        "e1",
        1,
        ExecutionCompleted.newBuilder()
            .setHeader(FixedEventHeaders.of(VERIFIER))
            .setExecutionId("e1")
            .setOutcome(ExecutionOutcome.FAILED)
            .setExitCode(1)
            .setTimedOut(false)
            .setDurationMs(1)
            .setCpuTimeMs(1)
            .setPeakMemoryBytes(1)
            .setStdoutExcerpt("")
            .setStderrExcerpt("")
            .build());
  }

  private static CodeSuggestionProposed proposed() {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(FixedEventHeaders.of(AUTHOR))
        .setSuggestionId("s1")
        .setLanguage("python")
        .setFilePath("calc.py")
        .setFormat(SuggestionFormat.FULL_FILE)
        .setCode("def add(a, b): return a + b")
        .build();
  }

  private static VerificationRequested verificationRequested() {
    return VerificationRequested.newBuilder()
        .setHeader(FixedEventHeaders.of(VERIFIER))
        .setVerificationId("v1")
        .setSuggestionId("s1")
        .setExecutionId("e1")
        .setTestCommand("pytest -q")
        .build();
  }

  private static ExecutionRequested executionRequested() {
    return ExecutionRequested.newBuilder()
        .setHeader(FixedEventHeaders.of(VERIFIER))
        .setExecutionId("e1")
        .setSuggestionId("s1")
        .setVerificationId("v1")
        .setLanguage("python")
        .setCommand("pytest -q")
        .setLimits(TestLimits.DEFAULTS)
        .build();
  }

  private void publish(String type, String id, long sequence, Object event) {
    store.publish(new GenericDomainEventMessage<>(type, StreamIds.of("t1", id), sequence, event));
  }

  private List<Object> payloads(String id) {
    return store
        .readEvents(StreamIds.of("t1", id))
        .asStream()
        .map(Message::getPayload)
        .map(p -> (Object) p)
        .toList();
  }

  private <T> EventSourcingRepository<T> repository(Class<T> type) {
    ParameterResolverFactory resources =
        MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(type),
            new SimpleResourceParameterResolverFactory(List.of(HEADERS)));
    return EventSourcingRepository.builder(type)
        .eventStore(store)
        .parameterResolverFactory(resources)
        .build();
  }
}
