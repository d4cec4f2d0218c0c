package dev.agentos.deploy.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.demo.DemoHistory.Posting;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's backfilled history holds what the learning jobs are to find and the signal the
 * prediction model is to learn, and is the same story on every run.
 */
class DemoHistoryTest {

  private static final Instant END = Instant.parse("2026-05-01T12:34:56Z");

  private final DemoHistory history = DemoHistory.ending(END, "run1");

  @Test
  void itIsTheSameStoryOnEveryRunMovedToItsEnd() {
    List<Posting> again = DemoHistory.ending(END, "run1").postings();
    List<Posting> later = DemoHistory.ending(END.plus(Duration.ofHours(5)), "run2").postings();

    assertThat(again).isEqualTo(history.postings());
    assertThat(later).hasSameSizeAs(history.postings());
    for (int i = 0; i < later.size(); i++) {
      assertThat(later.get(i).at()).isEqualTo(history.postings().get(i).at().plusSeconds(5 * 3600));
      assertThat(later.get(i).event().get("type"))
          .isEqualTo(history.postings().get(i).event().get("type"));
    }
  }

  @Test
  void itCoversTheLastThreeHoursOldestFirstAcrossTwoHourBoundaries() {
    List<Instant> times = history.postings().stream().map(Posting::at).toList();

    assertThat(times).isSorted();
    assertThat(times.get(0)).isAfterOrEqualTo(END.minus(Duration.ofHours(3)).minusSeconds(60));
    assertThat(times.get(times.size() - 1)).isBefore(END);
    long hours = times.stream().map(t -> t.truncatedTo(ChronoUnit.HOURS)).distinct().count();
    assertThat(hours).isGreaterThanOrEqualTo(3);
    assertThat(history.lastHourBoundary()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    assertThat(DemoHistory.ending(Instant.parse("2026-05-01T12:00:30Z"), "r").lastHourBoundary())
        .isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
    Set<Object> eventIds =
        history.postings().stream().map(p -> p.event().get("eventId")).collect(Collectors.toSet());
    assertThat(eventIds).hasSameSizeAs(history.postings());
  }

  @Test
  void twoAgentsRunThirtySessionsOfTwelveHundredAndSixtyExecutionsWithSuggestionsAndToolCalls() {
    assertThat(count("ExecutionRequested")).isEqualTo(1260);
    assertThat(count("ExecutionCompleted")).isEqualTo(1260);
    assertThat(count("CodeSuggestionProposed")).isEqualTo(60);
    assertThat(count("VerificationCompleted")).isEqualTo(60);
    assertThat(count("ToolCallRecorded")).isEqualTo(210);
    assertThat(history.sessions()).hasSize(30);
    assertThat(history.postings().stream().map(Posting::agent).distinct()).containsOnly(0, 1);
    // Every batch fits the ingest limit of 1,000 events.
    assertThat(DemoLearning.MAX_BATCH).isLessThanOrEqualTo(1000);
  }

  /**
   * What the prediction model needs: the latest fifth of the runs, on which it is judged, is like
   * the rest, with sessions of both agents and of both kinds (running the tests first or not).
   */
  @Test
  void theAgentsWorkSideBySideSoTheLatestRunsAreLikeTheRest() {
    Map<String, DemoHistory.Session> sessions = new HashMap<>();
    history.sessions().forEach(s -> sessions.put(s.sessionId(), s));
    List<Posting> runs =
        history.postings().stream()
            .filter(p -> "ExecutionRequested".equals(p.event().get("type")))
            .toList();
    List<DemoHistory.Session> latest =
        runs.subList(runs.size() * 4 / 5, runs.size()).stream()
            .map(p -> sessions.get((String) p.event().get("sessionId")))
            .distinct()
            .toList();

    assertThat(latest).extracting(DemoHistory.Session::agent).contains(0, 1);
    assertThat(latest).extracting(DemoHistory.Session::testsFirst).contains(true, false);
    assertThat(latest).hasSizeGreaterThanOrEqualTo(4);
    // Turns of a minute: one batch per turn, never one agent's events amid the other's.
    int batches = 1;
    for (int i = 1; i < history.postings().size(); i++) {
      batches += history.postings().get(i).agent() != history.postings().get(i - 1).agent() ? 1 : 0;
    }
    assertThat(batches).isEqualTo((int) DemoHistory.SPAN.dividedBy(DemoHistory.TURN));
  }

  /** So a re-run is asked for once the failure it re-runs is known, as an agent would. */
  @Test
  void aRunCompletesBeforeItsSessionsNextAction() {
    Map<String, Object> running = new HashMap<>();
    for (Posting posting : history.postings()) {
      Map<String, Object> event = posting.event();
      String session = (String) event.get("sessionId");
      if (DemoHistory.METRIC.equals(event.get("name"))) {
        continue; // a sample of the minute, not an action
      }
      if (running.containsKey(session)) {
        assertThat(event.get("type")).isEqualTo("ExecutionCompleted");
        assertThat(event.get("executionId")).isEqualTo(running.remove(session));
      } else if ("ExecutionRequested".equals(event.get("type"))) {
        running.put(session, event.get("executionId"));
      }
    }
    assertThat(running).isEmpty();
  }

  @Test
  void severalFailuresOfBothAgentsShareTheMissingModuleError() {
    List<Posting> missing =
        history.postings().stream()
            .filter(p -> String.valueOf(p.event().get("stderrExcerpt")).contains("ModuleNotFound"))
            .toList();

    assertThat(missing).hasSizeGreaterThanOrEqualTo(5);
    assertThat(missing.stream().map(Posting::agent).distinct()).containsOnly(0, 1);
    // The demo's run checks the pattern affected 2 to 4 sessions.
    assertThat(missing.stream().map(p -> p.event().get("sessionId")).distinct().count())
        .isBetween(2L, 4L);
    assertThat(missing.get(0).event().get("stderrExcerpt").toString())
        .startsWith("Traceback (most recent call last):")
        .contains("ModuleNotFoundError: No module named 'requests'");
  }

  @Test
  void theTestDurationIsStableButForOneOutlierNearTheEnd() {
    List<Posting> samples =
        history.postings().stream()
            .filter(p -> DemoHistory.METRIC.equals(p.event().get("name")))
            .toList();
    List<Posting> outliers =
        samples.stream()
            .filter(p -> Math.abs((double) p.event().get("value") - 1200) > 120)
            .toList();

    assertThat(samples).hasSize(180);
    assertThat(outliers).hasSize(1);
    assertThat(outliers.get(0).at()).isBetween(END.minusSeconds(20 * 60), END.minusSeconds(5 * 60));
  }

  @Test
  void thePlantedSignalIsInTheOutcomes() {
    Map<String, Map<String, Object>> requests = new HashMap<>();
    Map<String, Boolean> testsFirst = new HashMap<>();
    history.sessions().forEach(s -> testsFirst.put(s.sessionId(), s.testsFirst()));
    Rate testsFirstRuns = new Rate();
    Rate otherRuns = new Rate();
    Rate reRuns = new Rate();
    Rate pythonOfA = new Rate();
    Rate pythonOfB = new Rate();
    Map<String, String> lastFailedCode = new HashMap<>();
    Set<String> reRunIds = new HashSet<>();
    for (Posting posting : history.postings()) {
      Map<String, Object> event = posting.event();
      String session = (String) event.get("sessionId");
      if ("ExecutionRequested".equals(event.get("type"))) {
        requests.put((String) event.get("executionId"), event);
        if (event.get("code").equals(lastFailedCode.get(session))) {
          reRunIds.add((String) event.get("executionId"));
        }
      }
      if ("ExecutionCompleted".equals(event.get("type"))) {
        Map<String, Object> request = requests.get(event.get("executionId"));
        boolean ok = "SUCCEEDED".equals(event.get("outcome"));
        lastFailedCode.put(session, ok ? null : (String) request.get("code"));
        if (reRunIds.contains(event.get("executionId"))) {
          reRuns.add(ok);
          continue;
        }
        (testsFirst.get(session) ? testsFirstRuns : otherRuns).add(ok);
        if ("python".equals(request.get("language"))) {
          (posting.agent() == 0 ? pythonOfA : pythonOfB).add(ok);
        }
      }
    }

    assertThat(testsFirstRuns.value()).isGreaterThan(otherRuns.value() + 0.15);
    assertThat(reRuns.value()).isLessThan(0.4);
    assertThat(reRuns.total).isGreaterThanOrEqualTo(20);
    assertThat(pythonOfA.value()).isGreaterThan(pythonOfB.value() + 0.15);
  }

  private long count(String type) {
    return history.postings().stream().filter(p -> type.equals(p.event().get("type"))).count();
  }

  /** A success rate. */
  private static final class Rate {
    int successes;
    int total;

    void add(boolean success) {
      total++;
      successes += success ? 1 : 0;
    }

    double value() {
      return (double) successes / total;
    }
  }
}
