package dev.agentos.command.context;

import static dev.agentos.command.FixedEventHeaders.HEADERS;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.context.api.SwitchContextCommand;
import dev.agentos.events.memory.ContextSwitched;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final CommandOrigin CALLER = new CommandOrigin("t1", "p1", "a1", null, null);
  private static final CommandOrigin IN_SESSION = new CommandOrigin("t1", "p1", "a1", "s1", null);
  private static final CommandOrigin OTHER_TENANT = new CommandOrigin("t2", "p1", "a9", null, null);
  private static final CommandOrigin OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "a8", null, null);
  private static final CommandOrigin ADMIN_OF_OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "admin", null, null, true);

  private AggregateTestFixture<Session> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Session.class);
    fixture.registerInjectableResource(HEADERS);
    fixture.registerInjectableResource(
        new InMemoryContextDirectory()
            .open("c1", "t1", "backend")
            .open("c2", "t1", "frontend")
            .open("c9", "t2", "theirs")
            .open("c8", "t1", "p2", "other project")
            .merged("c0", "t1", "c1"));
  }

  @Test
  void canStartASessionInAContext() {
    fixture
        .givenNoPriorActivity()
        .when(new SwitchContextCommand("s1", "c1", CALLER))
        .expectEvents(switched(null, "c1"))
        .expectResultMessagePayload(new CommandResult("s1", 0));
  }

  @Test
  void canSwitchAndNameTheContextItLeaves() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c2", CALLER))
        .expectEvents(switched("c1", "c2"));
  }

  @Test
  void canSwitchToTheActiveContextWithoutAnEvent() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c1", CALLER))
        .expectNoEvents()
        .expectResultMessagePayload(new CommandResult("s1", 0));
  }

  @Test
  void cannotSwitchToAnUnknownContext() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "nope", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: no context with this id");
  }

  @Test
  void cannotSwitchToAContextOfAnotherTenant() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c9", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: no context with this id");
  }

  @Test
  void cannotSwitchToAContextOfAnotherProjectAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c8", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: no context with this id");
  }

  @Test
  void cannotSwitchToAMergedContext() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c0", CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: context was merged into c1; use that one");
  }

  @Test
  void cannotSwitchASessionOfAnotherTenant() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c9", OTHER_TENANT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void cannotSwitchASessionOfAnotherProject() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c8", OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void canSwitchASessionOfAnotherProjectWithAnAdminKey() {
    fixture
        .given(switched(null, "c1"))
        .when(new SwitchContextCommand("s1", "c8", ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotSwitchASessionOfAnotherProjectThatAnAdminMovedIntoItsContext() {
    ContextSwitched byAdmin =
        new ContextSwitched(FixedEventHeaders.of(ADMIN_OF_OTHER_PROJECT), "s1", "c1", "c8");
    fixture
        .given(switched(null, "c1"), byAdmin)
        .when(new SwitchContextCommand("s1", "c2", OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectNoEvents();
  }

  private static ContextSwitched switched(String previous, String next) {
    return new ContextSwitched(FixedEventHeaders.of(IN_SESSION), "s1", previous, next);
  }
}
