package dev.agentos.readmodels.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The layout's statement: a subject's predictions and its one outcome in one partition. */
class PredictionSchemaTest {

  private final String table = PredictionSchema.singleNode("ks").table();

  @Test
  void aSubjectIsOnePartitionOfItsTenantAndProjectWithARowPerModelVersionAndRole() {
    assertThat(table)
        .startsWith("CREATE TABLE IF NOT EXISTS ks.predictions_by_subject")
        .contains(
            "PRIMARY KEY ((tenant_id, project_id, subject_kind, subject_id), model_name,"
                + " model_version, role))");
  }

  @Test
  void theOutcomeIsStaticSoItLandsInThePartitionBeforeOrAfterThePredictions() {
    assertThat(table)
        .contains(
            "outcome text static", "outcome_at timestamp static", "outcome_event_id text static");
  }
}
