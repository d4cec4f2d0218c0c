package dev.agentos.systemtests;

import dev.agentos.client.AgentOsApiException;

/** The status a call answered, for tests that expect a refusal (404 of another tenant's item…). */
final class Answers {

  private Answers() {}

  /** The refusal's status, or 200 when the call succeeded. */
  static int statusOf(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (AgentOsApiException refused) {
      return refused.status();
    }
  }
}
