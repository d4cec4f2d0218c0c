package dev.agentos.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.demo.DemoSession;
import dev.agentos.deploy.local.demo.RetrainProcess;
import dev.agentos.deploy.local.junit.LearningJobsUnderTest;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.deploy.local.service.FlinkJobsService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./agentos demo} against the real system: every step of its session is accepted by the
 * command API, and its reads find the memories back through the query API (search by meaning, the
 * related graph, the history), through the one client the demo uses. With the learning jobs
 * running, its backfilled history comes back as what they learnt: the shared error pattern, the
 * project's hourly health and the anomaly in the test suite's duration.
 */
@ExtendWith(LocalStackExtension.class)
class DemoSessionIT {

  @Test
  void theDemoSessionIsAcceptedAndReadBack(StackEndpoints stack) throws Exception {
    Tenants tenants = new Tenants(stack);
    String adminKey = tenants.newKey("st-demo-" + UUID.randomUUID(), "st-project", "ADMIN");
    boolean withLearningJobs = stack.application(FlinkJobsService.REST_URL).isPresent();
    Path models = Files.createTempDirectory(Path.of("target"), "demo-models-");

    String out = runDemo(stack, tenants, adminKey, withLearningJobs, models);

    assertThat(out)
        .contains("events: 8 accepted, 0 rejected")
        .contains("3 memories stored")
        .contains("ROUND_HALF_UP for money")
        .containsPattern("-FIXES-> ")
        .containsPattern("v0 MemoryStored at .*: The checkout tests run with pytest;")
        .containsPattern("v1 MemoryUpdated at .*\\(fixed\\)")
        .containsPattern(
            "execution \\S+: FAILED \\(exit 1\\) in \\d+ ms on Python 3.*: AssertionError")
        .containsPattern("execution \\S+: SUCCEEDED \\(exit 0\\) in \\d+ ms on Python 3.*: 2.68")
        .containsPattern(
            "verification of \\S+-half-even: FAILED, 2 passed .*, 1 failed"
                + " \\[test_discount.test_rounds_half_a_cent_up\\]")
        .containsPattern("verification of \\S+-half-up: PASSED, 3 passed");
    if (!withLearningJobs) {
      return;
    }
    assertThat(out)
        .containsPattern(
            "learning: backfilled the last 3 h of 2 agents .*: 30 sessions, 1260 executions \\(\\d+"
                + " failed on a missing module\\).* in \\d+ batches");
    assertShowsWhatTheJobsLearnt(out);

    // A second run in the same project: its history would be behind the jobs' watermark, so the
    // demo shows the first run's findings instead of backfilling into the dead letters.
    String again = runDemo(stack, tenants, adminKey, true, models);

    assertThat(again)
        .contains("learning: an earlier demo backfilled this project's history")
        .doesNotContain("learning: backfilled");
    assertShowsWhatTheJobsLearnt(again);
  }

  private static void assertShowsWhatTheJobsLearnt(String out) {
    assertThat(out)
        .containsPattern(
            "error pattern \\S+: (NEW|RECURRING|RISING) python, \\d+ occurrences \\(\\d+ in the"
                + " latest hour\\), 2 agents and [2-4] sessions affected")
        .containsPattern("signature: .*ModuleNotFoundError.*")
        .containsPattern(
            "project health of st-project over the 24 h to \\d\\d:00 UTC: score \\d+\\.\\d\\d"
                + " \\(.*\\d+\\.\\d\\d\\)")
        .containsPattern(
            "anomaly in test\\.duration\\.ms\\{suite=unit\\} at \\d\\d:\\d\\d UTC: observed"
                + " 4800\\.0, expected \\d+\\.\\d to \\d+\\.\\d")
        .containsPattern(
            "execution-success \\S+ \\(champion\\): trained on \\d+ runs, judged on the \\d+"
                + " latest: AUC \\d\\.\\d{3}")
        .containsPattern(
            "\\(the checkout tests, `pytest -q tests/test_checkout.py`\\): \\d+ % likely to"
                + " succeed, says execution-success \\S+ \\(CHAMPION\\)")
        .containsPattern("\\(the program itself, `python main.py`\\): \\d+ % likely to succeed");
  }

  /** Runs the demo with {@code adminKey}'s tenant and returns what it printed. */
  private static String runDemo(
      StackEndpoints stack, Tenants tenants, String adminKey, boolean withLearningJobs, Path models)
      throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream demoOut = new PrintStream(printed, true, StandardCharsets.UTF_8);
    DemoSession demo =
        new DemoSession(
            tenants.commandSideUrl(), tenants.querySideUrl(), withLearningJobs, adminKey, demoOut);
    if (withLearningJobs) {
      demo.withRetraining(
          new RetrainProcess(
              LearningJobsUnderTest.classpath(),
              stack.kafkaBootstrapServers(),
              stack.schemaRegistryUrl(),
              models,
              demoOut));
    }
    demo.run();
    String out = printed.toString(StandardCharsets.UTF_8);
    System.out.print(out); // what ./agentos demo would print, in the test's report
    return out;
  }
}
