package dev.agentos.command.memory;

import static dev.agentos.command.FixedEventHeaders.HEADERS;
import static dev.agentos.command.FixedEventHeaders.NOW;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.FixedEventHeaders;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.context.InMemoryContextDirectory;
import dev.agentos.command.memory.MemoryDirectory.State;
import dev.agentos.command.memory.api.AddRelationCommand;
import dev.agentos.command.memory.api.DeleteMemoryCommand;
import dev.agentos.command.memory.api.Embedding;
import dev.agentos.command.memory.api.MemoryContent;
import dev.agentos.command.memory.api.MemoryPatch;
import dev.agentos.command.memory.api.RemoveRelationCommand;
import dev.agentos.command.memory.api.StoreMemoryCommand;
import dev.agentos.command.memory.api.SupersedeMemoryCommand;
import dev.agentos.command.memory.api.UpdateMemoryCommand;
import dev.agentos.events.memory.ForgetReason;
import dev.agentos.events.memory.MemoryDeleted;
import dev.agentos.events.memory.MemoryEmbedding;
import dev.agentos.events.memory.MemoryRelationAdded;
import dev.agentos.events.memory.MemoryRelationRemoved;
import dev.agentos.events.memory.MemoryStored;
import dev.agentos.events.memory.MemorySuperseded;
import dev.agentos.events.memory.MemoryType;
import dev.agentos.events.memory.MemoryUpdated;
import dev.agentos.events.memory.RelationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryTest {

  private static final CommandOrigin CALLER = new CommandOrigin("t1", "p1", "a1", null, null);
  private static final CommandOrigin OTHER_TENANT = new CommandOrigin("t2", "p1", "a9", null, null);
  private static final CommandOrigin OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "a8", null, null);
  private static final CommandOrigin ADMIN_OF_OTHER_PROJECT =
      new CommandOrigin("t1", "p2", "admin", null, null, true);
  private static final Instant EARLIER = NOW.minusSeconds(60);

  private final InMemoryContextDirectory contexts =
      new InMemoryContextDirectory()
          .open("c1", "t1", "main")
          .open("c9", "t2", "theirs")
          .open("c8", "t1", "p2", "other project")
          .merged("c0", "t1", "c1");
  private final InMemoryMemoryDirectory memories =
      new InMemoryMemoryDirectory()
          .add("m1", "t1", "c1", "Use UTC", State.ACTIVE, EARLIER)
          .add("m2", "t1", "c1", "Tabs", State.ACTIVE, EARLIER)
          .add("m3", "t1", "c1", "Old", State.DELETED, EARLIER)
          .add("m9", "t2", "c9", "Theirs", State.ACTIVE, EARLIER)
          .add("m8", "t1", "p2", "c8", "Other project's", State.ACTIVE, EARLIER);
  private AggregateTestFixture<Memory> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Memory.class);
    fixture.registerInjectableResource(HEADERS);
    fixture.registerInjectableResource(contexts);
    fixture.registerInjectableResource(memories);
    fixture.registerAnnotatedCommandHandler(new MemorySupersession(fixture.getRepository()));
  }

  @Test
  void canStoreAMemoryWithTheHashOfItsNormalisedContent() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", content("  Use \n UTC  "), CALLER))
        .expectEvents(
            MemoryStored.newBuilder()
                .setHeader(FixedEventHeaders.of(CALLER))
                .setMemoryId("m1")
                .setContextId("c1")
                .setType(MemoryType.DECISION)
                .setContent("  Use \n UTC  ")
                .setContentHash(
                    "sha256:3f257fef8ed8e4763fca0fb0a37e86f0c37b9adf87d586fc252343a1ee014e6f")
                .setTags(List.of("time"))
                .setMetadata(Map.of("file", "Clock.java"))
                .setConfidence(0.9f)
                .setEmbedding(new MemoryEmbedding("mini", List.of(0.5f, -1f)))
                .build())
        .expectResultMessagePayload(new CommandResult("m1", 0));
  }

  @Test
  void cannotStoreIntoAContextOfAnotherTenant() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c9", content("x"), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: no context with this id");
  }

  @Test
  void cannotStoreIntoAContextOfAnotherProjectAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c8", content("x"), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: no context with this id");
  }

  @Test
  void canStoreIntoAContextOfAnotherProjectWithAnAdminKey() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", content("x"), ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void cannotStoreIntoAMergedContext() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c0", content("x"), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("contextId: context was merged into c1; use that one");
  }

  @Test
  void cannotStoreAConfidenceAboveOne() {
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", content("x", 1.5f, null), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("confidence: must be between 0 and 1");
  }

  @Test
  void cannotStoreAnEmbeddingWithAnInfiniteValue() {
    Embedding infinite = new Embedding("mini", List.of(0.5f, Float.POSITIVE_INFINITY));
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", content("x", 0.9f, infinite), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("embedding.vector[1]: must be a finite number (float range)");
  }

  @Test
  void cannotStoreAnEmbeddingWithoutAModel() {
    Embedding anonymous = new Embedding(" ", List.of(0.5f));
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", content("x", 0.9f, anonymous), CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("embedding.model: must not be blank");
  }

  @Test
  void cannotStoreAMemoryThatHasAlreadyExpired() {
    MemoryContent expired =
        new MemoryContent("x", MemoryType.FACT, List.of(), Map.of(), 1f, null, NOW);
    fixture
        .givenNoPriorActivity()
        .when(new StoreMemoryCommand("m1", "c1", expired, CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("expiresAt: must be in the future");
  }

  @Test
  void canUpdateSomeFieldsAndCarryTheWholeNewState() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(update(new MemoryPatch("Use UTC always", null, null, null, 0.5f, null, null)))
        .expectEvents(
            MemoryUpdated.newBuilder()
                .setHeader(FixedEventHeaders.of(CALLER))
                .setMemoryId("m1")
                .setType(MemoryType.DECISION)
                .setContent("Use UTC always")
                .setContentHash(ContentHash.of("Use UTC always"))
                .setTags(List.of("time"))
                .setMetadata(Map.of("file", "Clock.java"))
                .setConfidence(0.5f)
                .setEmbedding(new MemoryEmbedding("mini", List.of(0.5f, -1f)))
                .setChangedFields(List.of("content", "confidence"))
                .build())
        .expectResultMessagePayload(new CommandResult("m1", 1));
  }

  @Test
  void canSendAnUpdateThatChangesNothingAndKeepTheVersion() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(update(new MemoryPatch("Use UTC", MemoryType.DECISION, null, null, null, null, null)))
        .expectNoEvents()
        .expectResultMessagePayload(new CommandResult("m1", 0));
  }

  @Test
  void canSetTheSameExpiryWithMoreThanMillisecondPrecisionWithoutAnEvent() {
    Instant expiry = NOW.plusSeconds(3600);
    // Built afresh: copying an Avro record checks its classes against Avro's trusted list.
    MemoryContent content =
        new MemoryContent(
            "Use UTC",
            MemoryType.DECISION,
            List.of("time"),
            Map.of(),
            0.9f,
            new Embedding("mini", List.of(0.5f, -1f)),
            expiry);
    MemoryStored expiring = MemoryEvents.stored(FixedEventHeaders.of(CALLER), "m1", "c1", content);
    fixture
        .given(expiring)
        .when(update(new MemoryPatch(null, null, null, null, null, null, expiry.plusNanos(1234))))
        .expectNoEvents();
  }

  @Test
  void cannotSendAnUpdateWithoutFields() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(update(new MemoryPatch(null, null, null, null, null, null, null)))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("body: name at least one field to change");
  }

  @Test
  void cannotUpdateAgainstAnOlderVersion() {
    fixture
        .given(stored("m1", "Use UTC"), updated("m1", "Use UTC!"))
        .when(new UpdateMemoryCommand("m1", 0L, patchContent("Use UTC?"), CALLER))
        .expectException(ConflictingAggregateVersionException.class);
  }

  @Test
  void cannotUpdateAgainstAVersionTheMemoryNeverHad() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new UpdateMemoryCommand("m1", 5L, patchContent("Use UTC?"), CALLER))
        .expectException(ConflictingAggregateVersionException.class)
        .expectNoEvents();
  }

  @Test
  void canUpdateAtTheCurrentVersion() {
    fixture
        .given(stored("m1", "Use UTC"), updated("m1", "Use UTC!"))
        .when(new UpdateMemoryCommand("m1", 1L, patchContent("Use UTC?"), CALLER))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new CommandResult("m1", 2));
  }

  @Test
  void cannotUpdateADeletedMemory() {
    fixture
        .given(stored("m1", "Use UTC"), deleted("m1"))
        .when(update(patchContent("again")))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("memory m1 is deleted and cannot change");
  }

  @Test
  void cannotUpdateASupersededMemory() {
    fixture
        .given(stored("m1", "Use UTC"), superseded("m1", "m2"))
        .when(update(patchContent("again")))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("memory m1 is superseded and cannot change");
  }

  @Test
  void cannotUpdateAMemoryThatAMergeCollapsedIntoADuplicate() {
    memories.add("m1", "t1", "c1", "Use UTC", State.SUPERSEDED, EARLIER);
    fixture
        .given(stored("m1", "Use UTC"))
        .when(update(patchContent("again")))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage(
            "memory m1 was collapsed into a duplicate when its context was merged");
  }

  @Test
  void cannotUpdateAMemoryOfAnotherTenantItsOwnIdIsAnotherMemory() {
    fixture
        // Ids are per tenant: t2's m1 is a stream of its own, empty; t1's m1 is never loaded.
        .givenNoPriorActivity()
        .when(new UpdateMemoryCommand("m1", null, patchContent("mine now"), OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void cannotUpdateAMemoryOfAnotherProject() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new UpdateMemoryCommand("m1", null, patchContent("mine now"), OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void cannotLearnTheVersionOfAMemoryOfAnotherProjectFromIfMatch() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new UpdateMemoryCommand("m1", 7L, patchContent("mine now"), OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void canUpdateAMemoryOfAnotherProjectWithAnAdminKey() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new UpdateMemoryCommand("m1", null, patchContent("fixed"), ADMIN_OF_OTHER_PROJECT))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(new CommandResult("m1", 1));
  }

  @Test
  void cannotSupersedeAMemoryTwice() {
    fixture
        .given(stored("m1", "Use UTC"), superseded("m1", "m2"))
        .when(supersede("m1", "m5"))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotSupersedeADeletedMemory() {
    fixture
        .given(stored("m1", "Use UTC"), deleted("m1"))
        .when(supersede("m1", "m5"))
        .expectException(RuleViolationException.class)
        .expectNoEvents();
  }

  @Test
  void cannotSupersedeAMemoryOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's m1 is a stream of its own, empty; t1's m1 is never loaded.
        .givenNoPriorActivity()
        .when(
            new SupersedeMemoryCommand(
                "m1",
                null,
                new StoreMemoryCommand("m5", "c9", content("x"), OTHER_TENANT),
                null,
                OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void cannotSupersedeAMemoryOfAnotherProject() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(
            new SupersedeMemoryCommand(
                "m1",
                null,
                new StoreMemoryCommand("m5", "c8", content("x"), OTHER_PROJECT),
                null,
                OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void canForgetAMemoryAtTheCallersRequest() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new DeleteMemoryCommand("m1", null, "wrong", CALLER))
        .expectEvents(
            new MemoryDeleted(FixedEventHeaders.of(CALLER), "m1", ForgetReason.REQUESTED, "wrong"));
  }

  @Test
  void cannotDeleteAMemoryTwice() {
    fixture
        .given(stored("m1", "Use UTC"), deleted("m1"))
        .when(new DeleteMemoryCommand("m1", null, null, CALLER))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("memory m1 is deleted");
  }

  @Test
  void cannotDeleteAMemoryOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's m1 is a stream of its own, empty; t1's m1 is never loaded.
        .givenNoPriorActivity()
        .when(new DeleteMemoryCommand("m1", null, null, OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void cannotDeleteAMemoryOfAnotherProject() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new DeleteMemoryCommand("m1", null, null, OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void canRelateAMemoryToAnotherOfItsTenant() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "m2", RelationType.SUPPORTS))
        .expectEvents(relationAdded("r1", "m2", RelationType.SUPPORTS));
  }

  @Test
  void cannotRelateToAnUnknownMemory() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "nope", RelationType.SUPPORTS))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("toMemoryId: no memory with this id");
  }

  @Test
  void cannotRelateToAMemoryOfAnotherTenantAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "m9", RelationType.SUPPORTS))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("toMemoryId: no memory with this id");
  }

  @Test
  void cannotRelateToAMemoryOfAnotherProjectAndLearnsNoMoreThanForAnUnknownOne() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "m8", RelationType.SUPPORTS))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("toMemoryId: no memory with this id");
  }

  @Test
  void cannotRelateAMemoryOfAnotherProject() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new AddRelationCommand("m1", "r1", "m8", RelationType.SUPPORTS, 1f, OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  @Test
  void cannotRelateToADeletedMemory() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "m3", RelationType.SUPPORTS))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("toMemoryId: the memory is deleted; relate to an active one");
  }

  @Test
  void cannotRelateAMemoryToItself() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(relate("r1", "m1", RelationType.SUPPORTS))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("toMemoryId: a memory cannot relate to itself");
  }

  @Test
  void cannotRelateTwiceToTheSameTargetWithTheSameType() {
    fixture
        .given(stored("m1", "Use UTC"), relationAdded("r1", "m2", RelationType.SUPPORTS))
        .when(relate("r2", "m2", RelationType.SUPPORTS))
        .expectException(RuleViolationException.class)
        .expectExceptionMessage("the memory already has a SUPPORTS relation to m2");
  }

  @Test
  void canRelateToTheSameTargetWithAnotherType() {
    fixture
        .given(stored("m1", "Use UTC"), relationAdded("r1", "m2", RelationType.SUPPORTS))
        .when(relate("r2", "m2", RelationType.CONTRADICTS))
        .expectEvents(relationAdded("r2", "m2", RelationType.CONTRADICTS));
  }

  @Test
  void cannotRelateWithAStrengthAboveOne() {
    fixture
        .given(stored("m1", "Use UTC"))
        .when(new AddRelationCommand("m1", "r1", "m2", RelationType.SUPPORTS, 1.01f, CALLER))
        .expectException(InvalidCommandException.class)
        .expectExceptionMessage("strength: must be between 0 and 1");
  }

  @Test
  void cannotRelateADeletedMemory() {
    fixture
        .given(stored("m1", "Use UTC"), deleted("m1"))
        .when(relate("r1", "m2", RelationType.SUPPORTS))
        .expectException(RuleViolationException.class);
  }

  @Test
  void canRemoveARelationByItsId() {
    fixture
        .given(stored("m1", "Use UTC"), relationAdded("r1", "m2", RelationType.SUPPORTS))
        .when(new RemoveRelationCommand("m1", "r1", "obsolete", CALLER))
        .expectEvents(
            new MemoryRelationRemoved(FixedEventHeaders.of(CALLER), "r1", "m1", "m2", "obsolete"));
  }

  @Test
  void cannotRemoveARelationTheMemoryDoesNotHave() {
    fixture
        .given(stored("m1", "Use UTC"), relationAdded("r1", "m2", RelationType.SUPPORTS))
        .when(new RemoveRelationCommand("m1", "r7", null, CALLER))
        .expectException(NotFoundException.class);
  }

  @Test
  void cannotRemoveARelationOfAMemoryOfAnotherTenant() {
    fixture
        // Ids are per tenant: t2's m1 is a stream of its own, empty; t1's m1 is never loaded.
        .givenNoPriorActivity()
        .when(new RemoveRelationCommand("m1", "r1", null, OTHER_TENANT))
        .expectException(AggregateNotFoundException.class)
        .expectNoEvents();
  }

  @Test
  void cannotRemoveARelationOfAMemoryOfAnotherProject() {
    fixture
        .given(stored("m1", "Use UTC"), relationAdded("r1", "m2", RelationType.SUPPORTS))
        .when(new RemoveRelationCommand("m1", "r1", null, OTHER_PROJECT))
        .expectException(NotFoundException.class)
        .expectExceptionMessage(NotFoundException.NO_ITEM)
        .expectNoEvents();
  }

  private static MemoryContent content(String text) {
    return content(text, 0.9f, new Embedding("mini", List.of(0.5f, -1f)));
  }

  private static MemoryContent content(String text, float confidence, Embedding embedding) {
    return new MemoryContent(
        text,
        MemoryType.DECISION,
        List.of("time"),
        Map.of("file", "Clock.java"),
        confidence,
        embedding,
        null);
  }

  private static MemoryPatch patchContent(String text) {
    return new MemoryPatch(text, null, null, null, null, null, null);
  }

  private static UpdateMemoryCommand update(MemoryPatch patch) {
    return new UpdateMemoryCommand("m1", null, patch, CALLER);
  }

  private static SupersedeMemoryCommand supersede(String memoryId, String newMemoryId) {
    return new SupersedeMemoryCommand(
        memoryId,
        null,
        new StoreMemoryCommand(newMemoryId, "c1", content("Use UTC everywhere"), CALLER),
        "more precise",
        CALLER);
  }

  private static AddRelationCommand relate(String relationId, String to, RelationType type) {
    return new AddRelationCommand("m1", relationId, to, type, 0.8f, CALLER);
  }

  private static MemoryStored stored(String memoryId, String text) {
    return MemoryEvents.stored(FixedEventHeaders.of(CALLER), memoryId, "c1", content(text));
  }

  private static MemoryUpdated updated(String memoryId, String text) {
    return MemoryEvents.updated(
        FixedEventHeaders.of(CALLER), memoryId, content(text), List.of("content"));
  }

  private static MemorySuperseded superseded(String memoryId, String by) {
    return new MemorySuperseded(FixedEventHeaders.of(CALLER), memoryId, by, null);
  }

  private static MemoryDeleted deleted(String memoryId) {
    return new MemoryDeleted(FixedEventHeaders.of(CALLER), memoryId, ForgetReason.REQUESTED, null);
  }

  private static MemoryRelationAdded relationAdded(
      String relationId, String to, RelationType type) {
    return new MemoryRelationAdded(FixedEventHeaders.of(CALLER), relationId, "m1", to, type, 0.8f);
  }
}
