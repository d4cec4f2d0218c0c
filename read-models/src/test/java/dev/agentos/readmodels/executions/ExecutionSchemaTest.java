package dev.agentos.readmodels.executions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layout's statements: every read names its tenant and project in the partition key, a
 * suggestion's proposal and outcome are static cells beside its verifications, and an execution
 * keeps its environment's names, with no column that could hold a value.
 */
class ExecutionSchemaTest {

  private final List<String> tables = ExecutionSchema.singleNode("ks").statements();

  @Test
  void eachTableNamedIsCreatedInItsOrder() {
    assertThat(tables)
        .extracting(t -> t.substring(0, t.indexOf('(')).strip())
        .containsExactlyElementsOf(
            ExecutionSchema.TABLES.stream()
                .map(t -> "CREATE TABLE IF NOT EXISTS ks." + t)
                .toList());
  }

  @Test
  void everyPartitionIsOfOneTenantAndProject() {
    assertThat(tables.get(0)).contains("PRIMARY KEY ((tenant_id, project_id, execution_id)))");
    assertThat(tables.get(1))
        .contains("PRIMARY KEY ((tenant_id, project_id, session_id), requested_at, execution_id))")
        .contains("CLUSTERING ORDER BY (requested_at DESC, execution_id ASC)");
    assertThat(tables.get(2))
        .contains("PRIMARY KEY ((tenant_id, project_id, suggestion_id), verification_id))");
    assertThat(tables.get(3))
        .contains("PRIMARY KEY ((tenant_id, project_id, session_id), proposed_at, suggestion_id))");
  }

  @Test
  void theProposalAndItsOutcomeAreStaticSoTheyLandBesideAnyVerification() {
    assertThat(tables.get(2))
        .contains("proposed_event_id text static", "outcome text static", "code text static");
  }

  @Test
  void anExecutionKeepsItsEnvironmentsNamesOnly() {
    assertThat(tables.get(0))
        .contains("environment_names frozen<list<text>>")
        .doesNotContainPattern("environment(?!_names)");
  }
}
