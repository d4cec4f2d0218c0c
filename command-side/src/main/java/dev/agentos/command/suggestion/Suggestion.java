package dev.agentos.command.suggestion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.agentos.command.CommandOrigin;
import dev.agentos.command.CommandResult;
import dev.agentos.command.EventHeaders;
import dev.agentos.command.FieldLimits;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import dev.agentos.command.execution.ExecutionRules;
import dev.agentos.command.execution.api.RequestExecutionCommand;
import dev.agentos.command.suggestion.api.CompleteVerificationCommand;
import dev.agentos.command.suggestion.api.ProposeSuggestionCommand;
import dev.agentos.command.suggestion.api.VerifySuggestionCommand;
import dev.agentos.events.common.EventHeader;
import dev.agentos.events.executions.VerificationCompleted;
import dev.agentos.events.executions.VerificationRequested;
import dev.agentos.events.interactions.CodeSuggestionProposed;
import dev.agentos.events.interactions.SuggestionFormat;
import dev.agentos.schemas.streams.StreamIds;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A code change an agent proposed. It is proposed with a language, a format and non-blank code (and
 * a confidence in [0,1] when the agent gives one); it may then be verified any number of times, by
 * callers that may see it only ({@link CommandOrigin#reaches}: its tenant, and its project for a
 * key bound to one), each time by a test command run over its code in a new execution; each
 * verification's result is recorded once, by the executor.
 */
@Aggregate
public class Suggestion {

  /** {@link StreamIds#of} the tenant and the id: ids are unique per tenant only. */
  @AggregateIdentifier private String streamId;

  private String suggestionId;
  private String tenantId;
  private String projectId;
  private String language;
  private String filePath;
  private SuggestionFormat format;
  private String code;

  /** The verifications requested of it, by id; a verification completes once. */
  private final Map<String, Verification> verifications = new HashMap<>();

  /**
   * @param requester the request's header: its result keeps the requester's agent and session, so
   *     both share a Kafka key and stay in order
   */
  private record Verification(String executionId, EventHeader requester, boolean completed) {}

  protected Suggestion() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public CommandResult handle(ProposeSuggestionCommand command, EventHeaders headers) {
    String canonicalLanguage = ExecutionRules.language("language", command.language());
    if (command.format() == null) {
      throw new InvalidCommandException("format", "must be UNIFIED_DIFF, FULL_FILE or SNIPPET");
    }
    if (command.code() == null || command.code().isBlank()) {
      throw new InvalidCommandException("code", "must not be blank");
    }
    FieldLimits.requireLength("code", command.code(), FieldLimits.SOURCE_TEXT);
    if (command.filePath() != null) {
      ExecutionRules.path("filePath", command.filePath());
    }
    Float confidence = command.confidence();
    if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
      throw new InvalidCommandException("confidence", "must be between 0 and 1");
    }
    apply(
        CodeSuggestionProposed.newBuilder()
            .setHeader(headers.next(command.origin()))
            .setSuggestionId(command.suggestionId())
            .setTurnId(command.turnId())
            .setLanguage(canonicalLanguage)
            .setFilePath(command.filePath())
            .setFormat(command.format())
            .setCode(command.code())
            .setRationale(command.rationale())
            .setConfidence(confidence)
            .build());
    return new CommandResult(suggestionId, AggregateLifecycle.getVersion());
  }

  /**
   * Records that this suggestion is to be verified, and answers the execution that runs the tests:
   * this suggestion's code (at {@link SourceFileNames#of}) plus the command's files, run by its
   * test command. Not a command handler: {@link VerifySuggestionHandler} calls it, so that the
   * execution is requested in the same unit of work and neither is stored without the other.
   */
  public RequestExecutionCommand requestVerification(
      VerifySuggestionCommand command, EventHeaders headers) {
    CommandOrigin caller = command.origin();
    if (suggestionId == null) {
      // The id names another kind of aggregate: no suggestion was ever proposed under it.
      throw NotFoundException.item();
    }
    caller.requireReach(tenantId, projectId);
    if (command.testCommand() == null || command.testCommand().isBlank()) {
      throw new InvalidCommandException("testCommand", "must not be blank");
    }
    String ownFile = SourceFileNames.of(format, filePath, language);
    Map<String, String> files =
        new HashMap<>(Objects.requireNonNullElse(command.files(), Map.of()));
    if (files.putIfAbsent(ownFile, code) != null) {
      throw new InvalidCommandException(
          "files", "\"" + ownFile + "\" is where the suggestion's code goes; send the tests only");
    }
    // The suggestion's own tenant and project; the agent, session and trace of whoever verifies.
    CommandOrigin origin =
        new CommandOrigin(
            tenantId, projectId, caller.agentId(), caller.sessionId(), caller.traceId());
    apply(
        VerificationRequested.newBuilder()
            .setHeader(headers.next(origin))
            .setVerificationId(command.verificationId())
            .setSuggestionId(suggestionId)
            .setExecutionId(command.executionId())
            .setTestCommand(command.testCommand())
            .setTestFramework(command.testFramework())
            .build());
    return new RequestExecutionCommand(
        command.executionId(),
        suggestionId,
        command.verificationId(),
        command.testFramework(),
        language,
        null,
        null,
        files,
        command.testCommand(),
        Map.of(),
        null,
        command.limits(),
        origin);
  }

  /**
   * Records the result of one of its verifications, once, as the executor reports it after the
   * verification's execution ended ({@link CompleteVerificationHandler} checks that). Not a command
   * handler, for the same reason as {@link #requestVerification}.
   */
  public void completeVerification(CompleteVerificationCommand command, EventHeaders headers) {
    command.origin().requireReach(tenantId, projectId);
    Verification verification = verifications.get(command.verificationId());
    if (verification == null) {
      throw NotFoundException.item();
    }
    if (!verification.executionId().equals(command.executionId())) {
      throw new InvalidCommandException(
          "executionId",
          "verification "
              + command.verificationId()
              + " is run by execution "
              + verification.executionId()
              + ", not "
              + command.executionId());
    }
    if (verification.completed()) {
      throw new RuleViolationException(
          "already-completed",
          "verification " + command.verificationId() + " has already completed");
    }
    EventHeader requester = verification.requester();
    CommandOrigin origin =
        new CommandOrigin(
            tenantId,
            projectId,
            requester.getAgentId(),
            requester.getSessionId(),
            command.origin().traceId());
    apply(
        VerificationTally.completed(
            headers.next(origin),
            command.verificationId(),
            suggestionId,
            command.executionId(),
            command.verdict(),
            command.tests()));
  }

  @EventSourcingHandler
  void on(CodeSuggestionProposed event) {
    suggestionId = event.getSuggestionId();
    streamId = StreamIds.of(event.getHeader().getTenantId(), suggestionId);
    tenantId = event.getHeader().getTenantId();
    projectId = event.getHeader().getProjectId();
    language = event.getLanguage();
    filePath = event.getFilePath();
    format = event.getFormat();
    code = event.getCode();
  }

  @EventSourcingHandler
  void on(VerificationRequested event) {
    verifications.put(
        event.getVerificationId(),
        new Verification(event.getExecutionId(), event.getHeader(), false));
  }

  @EventSourcingHandler
  void on(VerificationCompleted event) {
    verifications.computeIfPresent(
        event.getVerificationId(),
        (id, requested) -> new Verification(requested.executionId(), requested.requester(), true));
  }
}
