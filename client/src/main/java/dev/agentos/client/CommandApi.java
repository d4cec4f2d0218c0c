package dev.agentos.client;

import static dev.agentos.client.Endpoint.segment;

import com.fasterxml.jackson.databind.JavaType;
import dev.agentos.client.command.AddRelation;
import dev.agentos.client.command.AddedRelation;
import dev.agentos.client.command.CommandResult;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.IngestResult;
import dev.agentos.client.command.IssueApiKey;
import dev.agentos.client.command.IssuedApiKey;
import dev.agentos.client.command.MergeContexts;
import dev.agentos.client.command.ProposeSuggestion;
import dev.agentos.client.command.QueuedExecution;
import dev.agentos.client.command.RegisterAgent;
import dev.agentos.client.command.RequestExecution;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.StoredMemories;
import dev.agentos.client.command.SupersedeMemory;
import dev.agentos.client.command.SwitchContext;
import dev.agentos.client.command.UpdateMemory;
import dev.agentos.client.command.VerificationAccepted;
import dev.agentos.client.command.VerifySuggestion;
import java.util.List;
import java.util.Map;

/**
 * The command API ({@code docs/api/README.md}): every call answers what the command side accepted,
 * or throws {@link AgentOsApiException} with the status and problem+json of its refusal.
 */
public final class CommandApi {

  private final Endpoint endpoint;

  CommandApi(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Any request to the command API, answered whatever its status. */
  public RawCalls raw() {
    return new RawCalls(endpoint);
  }

  public CommandResult registerAgent(RegisterAgent agent) {
    return endpoint.call("POST", "/v1/agents", agent, CommandResult.class);
  }

  public IssuedApiKey issueApiKey(String agentId, IssueApiKey key) {
    return endpoint.call(
        "POST", "/v1/agents/" + segment(agentId) + "/keys", key, IssuedApiKey.class);
  }

  public CommandResult revokeApiKey(String agentId, String keyId) {
    return endpoint.call(
        "DELETE",
        "/v1/agents/" + segment(agentId) + "/keys/" + segment(keyId),
        null,
        CommandResult.class);
  }

  public CommandResult storeMemory(StoreMemory memory) {
    return endpoint.call("POST", "/v1/memories", memory, CommandResult.class);
  }

  /** Up to 500 memories in one transaction: all or none. */
  public StoredMemories storeMemories(List<StoreMemory> memories) {
    return endpoint.call(
        "POST", "/v1/memories/batch", Map.of("memories", memories), StoredMemories.class);
  }

  public CommandResult updateMemory(String memoryId, UpdateMemory patch) {
    return endpoint.call("PATCH", memoryPath(memoryId), patch, CommandResult.class);
  }

  /** Changes the memory only if it is still at {@code expectedVersion} (409 otherwise). */
  public CommandResult updateMemory(String memoryId, UpdateMemory patch, long expectedVersion) {
    return endpoint.call("PATCH", memoryPath(memoryId), patch, ifMatch(expectedVersion), result());
  }

  /** Answers the new memory. */
  public CommandResult supersedeMemory(String memoryId, SupersedeMemory replacement) {
    return endpoint.call(
        "POST", memoryPath(memoryId) + "/supersede", replacement, CommandResult.class);
  }

  public CommandResult deleteMemory(String memoryId) {
    return endpoint.call("DELETE", memoryPath(memoryId), null, CommandResult.class);
  }

  public AddedRelation addRelation(String memoryId, AddRelation relation) {
    return endpoint.call(
        "POST", memoryPath(memoryId) + "/relations", relation, AddedRelation.class);
  }

  public CommandResult removeRelation(String memoryId, String relationId) {
    return endpoint.call(
        "DELETE",
        memoryPath(memoryId) + "/relations/" + segment(relationId),
        null,
        CommandResult.class);
  }

  public CommandResult createContext(CreateContext context) {
    return endpoint.call("POST", "/v1/contexts", context, CommandResult.class);
  }

  public CommandResult mergeContexts(MergeContexts merge) {
    return endpoint.call("POST", "/v1/contexts/merge", merge, CommandResult.class);
  }

  /** Makes {@code contextId} the session's active context; the first switch starts the session. */
  public CommandResult switchContext(String sessionId, String contextId) {
    return endpoint.call(
        "PUT",
        "/v1/sessions/" + segment(sessionId) + "/context",
        new SwitchContext(contextId),
        CommandResult.class);
  }

  public QueuedExecution requestExecution(RequestExecution execution) {
    return endpoint.call("POST", "/v1/executions", execution, QueuedExecution.class);
  }

  public CommandResult proposeSuggestion(ProposeSuggestion suggestion) {
    return endpoint.call("POST", "/v1/suggestions", suggestion, CommandResult.class);
  }

  public VerificationAccepted verifySuggestion(String suggestionId, VerifySuggestion verify) {
    return endpoint.call(
        "POST",
        "/v1/suggestions/" + segment(suggestionId) + "/verify",
        verify,
        VerificationAccepted.class);
  }

  /**
   * A batch of raw events ({@code docs/api/ingest.md}), each a map or record of the event's JSON
   * fields. Answers whether all (200), some (207) or none (422) were accepted; throws for any other
   * refusal, and for 503 (Kafka did not acknowledge: resend with the same {@code eventId}s).
   */
  public IngestResult ingest(List<?> events) {
    String path = "/v1/events";
    RawAnswer answer =
        endpoint.exchange(
            "POST", path, Json.write("POST " + path, Map.of("events", events)), Map.of());
    boolean batchAnswer =
        answer.status() == 207
            || (answer.status() == 422
                && answer.json().has("results")
                && answer.json().has("accepted"));
    return batchAnswer
        ? Json.read(answer.request(), answer.body(), Json.MAPPER.constructType(IngestResult.class))
        : Transport.read(answer, Json.MAPPER.constructType(IngestResult.class));
  }

  private static String memoryPath(String memoryId) {
    return "/v1/memories/" + segment(memoryId);
  }

  private static Map<String, String> ifMatch(long expectedVersion) {
    return Map.of("If-Match", "\"" + expectedVersion + "\"");
  }

  private static JavaType result() {
    return Json.MAPPER.constructType(CommandResult.class);
  }
}
