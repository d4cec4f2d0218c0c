package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.client.query.Execution;
import dev.agentos.client.query.ExecutionPage;
import dev.agentos.client.query.Suggestion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The execution and suggestion reads: by id, and a session's list page by page. */
class ExecutionQueriesTest {

  private final FakeApi api = new FakeApi();
  private final AgentOsClient client =
      AgentOsClient.builder().commandUrl(api.url()).queryUrl(api.url()).apiKey("aos_k").build();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void anExecutionIsReadByIdWithItsOutcomeAndEnvironmentNames() {
    api.answers(
        200,
        "{\"executionId\":\"x 1\",\"status\":\"FAILED\",\"exitCode\":1,\"durationMs\":40,"
            + "\"startedAt\":\"2026-01-02T03:00:00Z\",\"stderrExcerpt\":\"boom\","
            + "\"environmentNames\":[\"TOKEN\"],\"limits\":{\"cpuTimeMs\":1000,"
            + "\"memoryBytes\":1048576,\"wallTimeoutMs\":5000,\"maxOutputBytes\":65536,"
            + "\"networkAllowed\":false}}");

    Execution execution = client.queries().execution("x 1");

    assertThat(api.last().uri()).isEqualTo("/v1/executions/x%201");
    assertThat(execution.ended()).isTrue();
    assertThat(execution.exitCode()).isEqualTo(1);
    assertThat(execution.environmentNames()).containsExactly("TOKEN");
    assertThat(execution.limits().wallTimeoutMs()).isEqualTo(5000);
    assertThat(execution.endedAt()).as("left out of the answer").isNull();
  }

  @Test
  void aSessionsExecutionsAreAskedForPageByPage() {
    api.answers(200, "{\"items\":[{\"executionId\":\"e2\",\"status\":\"RUNNING\"}]}");

    ExecutionPage page = client.queries().executionsOfSession("s 1", "c+/");

    assertThat(api.last().uri()).isEqualTo("/v1/executions?sessionId=s+1&cursor=c%2B%2F");
    assertThat(page.items()).extracting(ExecutionPage.Item::status).containsExactly("RUNNING");
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void aSuggestionIsReadWithItsVerificationsTestNames() {
    api.answers(
        200,
        "{\"suggestionId\":\"s1\",\"format\":\"FULL_FILE\",\"verifications\":[{\"verificationId\":"
            + "\"v1\",\"status\":\"FAILED\",\"failedTestNames\":[\"test_add\"],"
            + "\"passedTestNames\":[]}]}");

    Suggestion suggestion = client.queries().suggestion("s1");

    assertThat(api.last().uri()).isEqualTo("/v1/suggestions/s1");
    assertThat(suggestion.verifications())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.status()).isEqualTo("FAILED");
              assertThat(v.failedTestNames()).containsExactly("test_add");
            });
  }
}
