package dev.agentos.command.agent;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static dev.agentos.command.FixedEventHeaders.NOW;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.agent.api.IssueApiKeyCommand;
import dev.agentos.command.agent.api.RegisterAgentCommand;
import dev.agentos.command.agent.api.RevokeApiKeyCommand;
import dev.agentos.events.agents.AgentRegistered;
import dev.agentos.events.agents.ApiKeyIssued;
import dev.agentos.events.agents.ApiKeyRevoked;
import dev.agentos.events.agents.ApiKeyScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentTest {

  private static final CommandOrigin ADMIN = new CommandOrigin("t1", "p1", "admin", null, null);
  private static final CommandOrigin OTHER_TENANT =
      new CommandOrigin("t2", "p1", "admin", null, null);
  private static final CommandOrigin AGENT = new CommandOrigin("t1", "p1", "a1", null, null);

  private AggregateTestFixture<Agent> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Agent.class);
    fixture.registerInjectableResource(HEADERS);
  }

  @Test
  void canRegisterAnAgentUnderItsOwnId() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterAgentCommand(
                "a1", "Claude", "claude-code", "1.0", List.of(), Map.of(), ADMIN))
        .expectEvents(registered());
  }

  @Test
  void cannotRegisterAnAgentWithoutAName() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAgentCommand("a1", " ", "claude-code", null, List.of(), Map.of(), ADMIN))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("displayName: must not be blank");
  }

  @Test
  void canIssueAKeyWithScopesAsAHashOnly() {
    fixture
        .given(registered())
        .when(issue("k1", Set.of(ApiKeyScope.MEMORY_WRITE), ADMIN))
        .expectEvents(issued("k1"));
  }

  @Test
  void cannotIssueAKeyWithoutScopes() {
    fixture
        .given(registered())
        .when(issue("k1", Set.of(), ADMIN))
        .expectException(InvalidCommandException.class)
        .expectNoEvents();
  }

  @Test
  void issuesTheExecutorScopeOnlyAloneOnItsKey() {
    fixture
        .given(registered())
        .when(issue("k1", Set.of(ApiKeyScope.EXECUTOR, ApiKeyScope.MEMORY_READ), ADMIN))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage(
            "scopes: EXECUTOR is the executor's own key: issue it alone, without other scopes")
        .expectNoEvents();
    fixture
        .given(registered())
        .when(issue("k2", Set.of(ApiKeyScope.EXECUTOR), ADMIN))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotIssueAKeyThatHasAlreadyExpired() {
    fixture
        .given(registered())
        .when(
            new IssueApiKeyCommand(
                "a1", "k1", "hash", "aos_", Set.of(ApiKeyScope.ADMIN), null, NOW, ADMIN))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("expiresAt: must be in the future");
  }

  @Test
  void cannotIssueKeysToAnAgentOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's a1 is a stream of its own, empty; t1's is never loaded.
        .givenNoPriorActivity()
        .when(issue("k1", Set.of(ApiKeyScope.ADMIN), OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void canRevokeAnIssuedKey() {
    fixture
        .given(registered(), issued("k1"))
        .when(new RevokeApiKeyCommand("a1", "k1", "leaked", ADMIN))
        .expectEvents(
            ApiKeyRevoked.newBuilder()
                .setHeader(FixedEventHeaders.of(AGENT))
                .setKeyId("k1")
                .setReason("leaked")
                .build());
  }

  @Test
  void cannotRevokeAKeyTwice() {
    fixture
        .given(registered(), issued("k1"), revoked("k1"))
        .when(new RevokeApiKeyCommand("a1", "k1", "again", ADMIN))
        .expectException(RuleViolationException.class);
  }

  @Test
  void cannotRevokeAKeyTheAgentNeverHad() {
    fixture
        .given(registered())
        .when(new RevokeApiKeyCommand("a1", "k9", null, ADMIN))
        .expectException(NotFoundException.class);
  }

  private static IssueApiKeyCommand issue(
      String keyId, Set<ApiKeyScope> scopes, CommandOrigin origin) {
    return new IssueApiKeyCommand(
        "a1", keyId, "hash-" + keyId, "aos_abc", scopes, null, null, origin);
  }

  private static AgentRegistered registered() {
    return AgentRegistered.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setDisplayName("Claude")
        .setClient("claude-code")
        .setClientVersion("1.0")
        .build();
  }

  private static ApiKeyIssued issued(String keyId) {
    return ApiKeyIssued.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setKeyId(keyId)
        .setKeyHash("hash-" + keyId)
        .setKeyPrefix("aos_abc")
        .setScopes(List.of(ApiKeyScope.MEMORY_WRITE))
        .build();
  }

  private static ApiKeyRevoked revoked(String keyId) {
    return ApiKeyRevoked.newBuilder()
        .setHeader(FixedEventHeaders.of(AGENT))
        .setKeyId(keyId)
        .build();
  }
}
