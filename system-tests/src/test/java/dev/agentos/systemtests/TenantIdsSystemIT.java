package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ids are per tenant, end to end: two tenants store a memory under the same memory id (in contexts
 * of the same id) and each reads, searches and sees the history of its own only, through the
 * command API, Kafka, the projections and the query API.
 */
@ExtendWith(LocalStackExtension.class)
class TenantIdsSystemIT {

  private static final Duration PROJECTED = Duration.ofSeconds(60);

  @Test
  void twoTenantsWithOneMemoryIdEachReadSearchAndSeeTheHistoryOfTheirOwn(StackEndpoints stack) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Tenants tenants = new Tenants(stack);
    Tenant first = Tenant.of(tenants, "st-first-" + run);
    Tenant second = Tenant.of(tenants, "st-second-" + run);
    String contextId = "st-shared-ctx-" + run;
    String memoryId = "st-shared-mem-" + run;
    String firstText = "Invoices are sent on the first working day of the month";
    String secondText = "Invoices are sent every Friday afternoon by the billing robot";

    first.store(contextId, memoryId, firstText);
    second.store(contextId, memoryId, secondText);
    String secondUpdated = secondText + " from the EU region";
    second
        .commands()
        .patch("/v1/memories/" + memoryId, Map.of("content", secondUpdated))
        .expect(200);

    first.awaitsOnly(memoryId, firstText, List.of(firstText));
    second.awaitsOnly(memoryId, secondUpdated, List.of(secondText, secondUpdated));
  }

  /** One tenant's clients of both APIs. */
  private record Tenant(Api commands, Api queries) {

    static Tenant of(Tenants tenants, String tenantId) {
      String key = tenants.newKey(tenantId, "st-project");
      return new Tenant(
          new Api(tenants.commandSideUrl(), key), new Api(tenants.querySideUrl(), key));
    }

    void store(String contextId, String memoryId, String content) {
      commands
          .post("/v1/contexts", Map.of("contextId", contextId, "name", "shared " + contextId))
          .expect(201);
      commands
          .post(
              "/v1/memories",
              Map.of(
                  "memoryId", memoryId, "contextId", contextId, "type", "FACT", "content", content))
          .expect(201);
    }

    /** Reads, every mode of search and the history show this tenant's memory, never the other. */
    void awaitsOnly(String memoryId, String content, List<String> history) {
      await()
          .atMost(PROJECTED)
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                assertThat(queries.get("/v1/memories/" + memoryId).json().path("content").asText())
                    .isEqualTo(content);
                for (String mode : List.of("keyword", "semantic", "hybrid")) {
                  assertThat(contentsFound(memoryId, mode)).as(mode).containsExactly(content);
                }
                // The history is a read model of its own, projected apart from the others.
                JsonNode versions = queries.get("/v1/memories/" + memoryId + "/history").json();
                assertThat(versions.findValuesAsText("content")).containsExactlyElementsOf(history);
              });
    }

    private List<String> contentsFound(String memoryId, String mode) {
      JsonNode hits =
          queries
              .post(
                  "/v1/memories/search",
                  Map.of("query", "when are invoices sent", "mode", mode, "k", 10))
              .expect(200)
              .get("hits");
      List<String> contents = new ArrayList<>();
      hits.forEach(
          hit -> {
            if (hit.path("memoryId").asText().equals(memoryId)) {
              contents.add(hit.path("memory").path("content").asText());
            }
          });
      return contents;
    }
  }
}
