package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobsOverviewTest {

  /** Trimmed from a MiniCluster's answer while the anomaly job was still being scheduled. */
  private static final String OVERVIEW =
      """
      {"jobs":[
        {"jid":"6c1b","name":"error-patterns","start-time":1765120000000,"end-time":-1,
         "duration":5120,"state":"RUNNING","last-modification":1765120001000,
         "tasks":{"running":4,"canceling":0,"canceled":0,"total":4,"created":0,"scheduled":0,
                  "deploying":0,"reconciling":0,"finished":0,"initializing":0,"failed":0}},
        {"jid":"91fe","name":"anomalies","start-time":1765120002000,"end-time":-1,
         "duration":3000,"state":"CREATED","last-modification":1765120002000,
         "tasks":{"running":0,"total":3}}
      ]}
      """;

  @Test
  void readsEachJobsStateByName() throws Exception {
    JobsOverview overview = JobsOverview.parse(OVERVIEW);

    assertThat(overview.state("error-patterns")).contains("RUNNING");
    assertThat(overview.state("anomalies")).contains("CREATED");
    assertThat(overview.state("predictions")).isEmpty();
  }

  @Test
  void namesTheJobsThatAreNotRunningOrNotListed() throws Exception {
    JobsOverview overview = JobsOverview.parse(OVERVIEW);

    assertThat(overview.notRunning(List.of("error-patterns", "anomalies", "predictions")))
        .containsExactly("anomalies", "predictions");
    assertThat(overview.notRunning(List.of("error-patterns"))).isEmpty();
    assertThat(JobsOverview.parse("{\"jobs\":[]}").notRunning(List.of("error-patterns")))
        .containsExactly("error-patterns");
  }

  @Test
  void aJobSubmittedAgainCountsByItsRunningRunElseByItsNewest() throws Exception {
    JobsOverview overview =
        JobsOverview.parse(
            """
            {"jobs":[
              {"name":"error-patterns","state":"FAILED","start-time":300},
              {"name":"error-patterns","state":"RUNNING","start-time":200},
              {"name":"anomalies","state":"CANCELED","start-time":100},
              {"name":"anomalies","state":"FAILED","start-time":400}
            ]}
            """);

    assertThat(overview.state("error-patterns")).contains("RUNNING");
    assertThat(overview.state("anomalies")).contains("FAILED");
  }

  @Test
  void anAnswerThatIsNotJsonIsNoOverview() {
    assertThat(JobsOverview.tryParse("<html>not flink</html>")).isEmpty();
    assertThat(JobsOverview.tryParse("{\"jobs\":[]}")).isPresent();
  }
}
