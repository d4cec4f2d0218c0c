package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.command.CreateContext;
import dev.agentos.client.command.MemoryType;
import dev.agentos.client.command.StoreMemory;
import dev.agentos.client.command.UpdateMemory;
import dev.agentos.client.query.MemoryVersion;
import dev.agentos.client.query.Search;
import dev.agentos.client.query.SearchMode;
import dev.agentos.client.query.SearchResult;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import java.time.Duration;
import java.util.List;
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
    Tenant first = new Tenant(tenants.newClient("st-first-" + run, "st-project"));
    Tenant second = new Tenant(tenants.newClient("st-second-" + run, "st-project"));
    String contextId = "st-shared-ctx-" + run;
    String memoryId = "st-shared-mem-" + run;
    String firstText = "Invoices are sent on the first working day of the month";
    String secondText = "Invoices are sent every Friday afternoon by the billing robot";

    first.store(contextId, memoryId, firstText);
    second.store(contextId, memoryId, secondText);
    String secondUpdated = secondText + " from the EU region";
    second.client().commands().updateMemory(memoryId, UpdateMemory.content(secondUpdated));

    first.awaitsOnly(memoryId, firstText, List.of(firstText));
    second.awaitsOnly(memoryId, secondUpdated, List.of(secondText, secondUpdated));
  }

  /** One tenant's client of both APIs. */
  private record Tenant(AgentOsClient client) {

    void store(String contextId, String memoryId, String content) {
      client.commands().createContext(CreateContext.of(contextId, "shared " + contextId));
      client
          .commands()
          .storeMemory(StoreMemory.of(contextId, MemoryType.FACT, content).withMemoryId(memoryId));
    }

    /** Reads, every mode of search and the history show this tenant's memory, never the other. */
    void awaitsOnly(String memoryId, String content, List<String> history) {
      await()
          .atMost(PROJECTED)
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptionsInstanceOf(AgentOsApiException.class)
          .untilAsserted(
              () -> {
                assertThat(client.queries().memory(memoryId).content()).isEqualTo(content);
                for (SearchMode mode : SearchMode.values()) {
                  assertThat(contentsFound(memoryId, mode))
                      .as(mode.json())
                      .containsExactly(content);
                }
                // The history is a read model of its own, projected apart from the others.
                assertThat(client.queries().history(memoryId))
                    .extracting(MemoryVersion::content)
                    .containsExactlyElementsOf(history);
              });
    }

    private List<String> contentsFound(String memoryId, SearchMode mode) {
      SearchResult found =
          client
              .queries()
              .search(Search.builder("when are invoices sent").mode(mode).k(10).build());
      return found.hits().stream()
          .filter(hit -> hit.memoryId().equals(memoryId))
          .map(hit -> hit.memory().content())
          .toList();
    }
  }
}
