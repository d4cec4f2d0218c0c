package dev.agentos.command.context;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static dev.agentos.command.FixedEventHeaders.NOW;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.context.api.CreateContextCommand;
import dev.agentos.command.context.api.MergeContextsCommand;
import dev.agentos.command.memory.InMemoryMemoryDirectory;
import dev.agentos.command.memory.MemoryDirectory.State;
import dev.agentos.events.memory.CollapsedDuplicate;
import dev.agentos.events.memory.ContextCreated;
import dev.agentos.events.memory.ContextsMerged;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContextTest {

  private static final CommandOrigin CALLER = new CommandOrigin("t1", "p1", "a1", null, null);
  private static final CommandOrigin ADMIN_OF_OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "admin", null, null, true);

  private final InMemoryContextDirectory contexts =
      new InMemoryContextDirectory()
          .open("c1", "t1", "backend")
          .open("c2", "t1", "frontend")
          .open("c9", "t2", "theirs")
          .open("c8", "t1", "p2", "other project")
          .merged("c0", "t1", "c1");
  private final InMemoryMemoryDirectory memories =
      new InMemoryMemoryDirectory()
          .add("m1", "t1", "c1", "Use UTC", State.ACTIVE, NOW.minusSeconds(40))
          .add("m2", "t1", "c1", "Tabs", State.ACTIVE, NOW.minusSeconds(30))
          .add("m3", "t1", "c2", " Use   UTC ", State.ACTIVE, NOW.minusSeconds(20))
          .add("m4", "t1", "c2", "Use UTC", State.DELETED, NOW.minusSeconds(60))
          .add("m5", "t1", "c2", "Spaces", State.ACTIVE, NOW.minusSeconds(10))
          .add("m7", "t1", "c2", "Tabs", State.ACTIVE, NOW.minusSeconds(50))
          .add("m8", "t1", "c3", "Tabs", State.ACTIVE, NOW.minusSeconds(90));
  private AggregateTestFixture<Context> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Context.class);
    fixture.registerInjectableResource(HEADERS);
    fixture.registerInjectableResource(contexts);
    fixture.registerInjectableResource(memories);
  }

  @Test
  void canCreateAContextUnderAnOpenParent() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", "api", "the API", "c1", List.of("v1"), CALLER))
        .expectEvents(
            new ContextCreated(
                FixedEventHeaders.of(CALLER), "c5", "api", "the API", "c1", List.of("v1")))
        .expectResultMessagePayload(new CommandResult("c5", 0));
  }

  @Test
  void cannotCreateAContextWithoutAName() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", " ", null, null, List.of(), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("name: must not be blank");
  }

  @Test
  void cannotCreateAContextUnderTheNameOfAnOpenOneOfTheProject() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", "backend", null, null, List.of(), CALLER))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("context c1 of this project is already named 'backend'");
  }

  @Test
  void cannotCreateAContextUnderAParentOfAnotherTenant() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", "api", null, "c9", List.of(), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("parentContextId: no context with this id");
  }

  @Test
  void cannotCreateAContextUnderAParentOfAnotherProjectAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", "api", null, "c8", List.of(), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("parentContextId: no context with this id");
  }

  @Test
  void canCreateAContextUnderAParentOfAnotherProjectWithAnAdminKey() {
    fixture
        .givenNoPriorActivity()
        .when(new CreateContextCommand("c5", "api", null, "c1", List.of(), ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void canMergeContextsIntoANewOneKeepingTheOldestOfEachDuplicate() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "c2"), "web", CALLER))
        .expectEvents(
            new ContextCreated(FixedEventHeaders.of(CALLER), "c5", "web", null, null, List.of()),
            new ContextsMerged(
                FixedEventHeaders.of(CALLER),
                List.of("c1", "c2"),
                "c5",
                3,
                List.of(new CollapsedDuplicate("m2", "m7"), new CollapsedDuplicate("m3", "m1"))))
        .expectResultMessagePayload(new CommandResult("c5", 1));
  }

  @Test
  void canGiveTheMergedContextTheNameOfOneOfItsSources() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "c2"), "backend", CALLER))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotMergeFewerThanTwoContexts() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds: name at least two contexts");
  }

  @Test
  void cannotMergeAContextWithItself() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "c1"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds: must not name a context twice");
  }

  @Test
  void cannotMergeAnUnknownContext() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "nope"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds[1]: no context with this id");
  }

  @Test
  void cannotMergeAContextOfAnotherTenantAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c9", "c1"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds[0]: no context with this id");
  }

  @Test
  void cannotMergeAContextOfAnotherProjectAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "c8"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds[1]: no context with this id");
  }

  @Test
  void canMergeContextsOfAnotherProjectWithAnAdminKey() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c1", "c8"), "web", ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotMergeAContextThatWasAlreadyMerged() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c5", List.of("c0", "c2"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("sourceContextIds[0]: context was merged into c1; use that one");
  }

  @Test
  void cannotMergeIntoOneOfTheSources() {
    fixture
        .givenNoPriorActivity()
        .when(new MergeContextsCommand("c1", List.of("c1", "c2"), "web", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("targetContextId: must be a new context, not one of the sources");
  }
}
