package dev.agentos.command.suggestion;

import static dev.agentos.command.FixedEventHeaders.HEADERS;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.execution.Execution;
import dev.agentos.command.execution.TestLimits;
import dev.agentos.command.execution.secrets.InMemoryEnvironmentVault;
import dev.agentos.command.suggestion.api.ProposeSuggestionCommand;
import dev.agentos.command.suggestion.api.VerificationAccepted;
import dev.agentos.command.suggestion.api.VerifySuggestionCommand;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of a suggestion. Verification goes through {@link VerifySuggestionHandler}, as in the
 * application; the execution it requests lands in a store of its own, outside this fixture.
 */
class SuggestionTest {

  private static final CommandOrigin AGENT = new CommandOrigin("t1", "p1", "a1", "s1", null);
  private static final CommandOrigin VERIFIER = new CommandOrigin("t1", "p1", "a2", "s2", "tr");
  private static final CommandOrigin OTHER_TENANT = new CommandOrigin("t2", "p1", "a1", null, null);
  private static final CommandOrigin OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "a8", null, null);
  private static final CommandOrigin ADMIN_OF_OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "admin", null, null, true);

  private AggregateTestFixture<Suggestion> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Suggestion.class);
    fixture.registerInjectableResource(HEADERS);
    fixture.registerInjectableResource(TestLimits.POLICY);
    fixture.registerInjectableResource(new InMemoryEnvironmentVault());
    fixture.registerAnnotatedCommandHandler(
        new VerifySuggestionHandler(fixture.getRepository(), executionsElsewhere()));
  }

  @Test
  void canProposeASuggestion() {
    fixture
        .givenNoPriorActivity()
        .when(propose("def add(a, b): return a + b"))
        .expectEvents(proposed());
  }

  @Test
  void cannotProposeBlankCode() {
    fixture
        .givenNoPriorActivity()
        .when(propose(" "))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("code: must not be blank")
        .expectNoEvents();
  }

  @Test
  void cannotProposeAConfidenceAboveOne() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ProposeSuggestionCommand(
                "s1", null, "python", null, SuggestionFormat.SNIPPET, "x", null, 1.5f, AGENT))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("confidence: must be between 0 and 1");
  }

  @Test
  void cannotProposeAChangeToAFileOutsideTheProject() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ProposeSuggestionCommand(
                "s1",
                null,
                "python",
                "/etc/hosts",
                SuggestionFormat.FULL_FILE,
                "x",
                null,
                null,
                AGENT))
        .expectException(InvalidCommandException.class);
  }

  @Test
  void canRequestVerificationOfASuggestion() {
    fixture
        .given(proposed())
        .when(verify("pytest -q", Map.of("test_calc.py", "def test(): pass"), VERIFIER))
        .expectEvents(
            VerificationRequested.newBuilder()
                .setHeader(FixedEventHeaders.of(new CommandOrigin("t1", "p1", "a2", "s2", "tr")))
                .setVerificationId("v1")
                .setSuggestionId("s1")
                .setExecutionId("e1")
                .setTestCommand("pytest -q")
                .setTestFramework("pytest")
                .build())
        .expectResultMessagePayload(new VerificationAccepted("v1", "e1", "s1", 1));
  }

  @Test
  void cannotVerifyASuggestionOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's s1 is a stream of its own, empty; t1's is never loaded.
        .givenNoPriorActivity()
        .when(verify("pytest -q", Map.of(), OTHER_TENANT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void cannotVerifyASuggestionOfAnotherProject() {
    fixture
        .given(proposed())
        .when(verify("pytest -q", Map.of(), OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void canVerifyASuggestionOfAnotherProjectWithAnAdminKey() {
    fixture
        .given(proposed())
        .when(verify("pytest -q", Map.of(), ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotVerifyAnUnknownSuggestion() {
    fixture
        .givenNoPriorActivity()
        .when(verify("pytest -q", Map.of(), VERIFIER))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM);
  }

  @Test
  void cannotVerifyWithoutATestCommand() {
    fixture
        .given(proposed())
        .when(verify(" ", Map.of(), VERIFIER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("testCommand: must not be blank")
        .expectNoEvents();
  }

  @Test
  void cannotVerifyWithAFileInPlaceOfTheSuggestedCode() {
    fixture
        .given(proposed())
        .when(verify("pytest -q", Map.of("calc.py", "def add(a, b): return 0"), VERIFIER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage(
            "files: \"calc.py\" is where the suggestion's code goes; send the tests only");
  }

  private static ProposeSuggestionCommand propose(String code) {
    return new ProposeSuggestionCommand(
        "s1",
        "turn-1",
        "Python",
        "calc.py",
        SuggestionFormat.FULL_FILE,
        code,
        "simpler",
        0.8f,
        AGENT);
  }

  private static VerifySuggestionCommand verify(
      String testCommand, Map<String, String> files, CommandOrigin origin) {
    return new VerifySuggestionCommand(
        "s1", "v1", "e1", testCommand, "pytest", files, null, origin);
  }

  static CodeSuggestionProposed proposed() {
    return CodeSuggestionProposed.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setSuggestionId("s1")
        .setTurnId("turn-1")
        .setLanguage("python")
        .setFilePath("calc.py")
        .setFormat(SuggestionFormat.FULL_FILE)
        .setCode("def add(a, b): return a + b")
        .setRationale("simpler")
        .setConfidence(0.8f)
        .build();
  }

  private static EventSourcingRepository<Execution> executionsElsewhere() {
    return EventSourcingRepository.builder(Execution.class)
        .eventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build())
        .parameterResolverFactory(
            MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Execution.class),
                new SimpleResourceParameterResolverFactory(List.of(HEADERS, TestLimits.POLICY))))
        .build();
  }
}
