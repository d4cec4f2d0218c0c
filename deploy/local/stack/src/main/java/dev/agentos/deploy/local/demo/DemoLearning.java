package dev.agentos.deploy.local.demo;

import dev.agentos.client.AgentOsApiException;
import dev.agentos.client.AgentOsClient;
import dev.agentos.client.QueryApi;
import dev.agentos.client.command.ApiKeyScope;
import dev.agentos.client.command.IngestResult;
import dev.agentos.client.command.IssueApiKey;
import dev.agentos.client.command.RegisterAgent;
import dev.agentos.client.query.Anomaly;
import dev.agentos.client.query.AnomalyList;
import dev.agentos.client.query.HealthReport;
import dev.agentos.client.query.Pattern;
import dev.agentos.client.query.PatternList;
import dev.agentos.client.query.PatternPage;
import dev.agentos.deploy.local.demo.DemoHistory.Posting;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's learning part: the project's last three hours of two agents' work ({@link
 * DemoHistory}) are backfilled through {@code POST /v1/events} with their own {@code occurredAt},
 * and what the learning jobs made of them is read back through the query API: the error pattern
 * they share, the project's latest hourly health report and the anomaly in the test suite's
 * duration. The history also carries the signal the prediction model learns (see {@link
 * DemoHistory}), which {@link DemoPredictions} shows after retraining on it.
 *
 * <p>The jobs judge by event time, and the watermark of a job only moves forward: an event older
 * than what a job has already seen on its inputs, beyond a few seconds (an hour for patterns, two
 * for health), is dead-lettered. So the history is posted oldest first, and before the rest of the
 * demo records anything "now"; {@link #show} comes after. For the same reason a history can be
 * backfilled only into a stack whose jobs have not seen later events: a second run finds the first
 * run's findings in the project and shows those instead of backfilling again behind the watermark,
 * where every event would be dead-lettered. (A stack already busy with other tenants' live events
 * has moved its watermark past the history too: the demo is for a stack of its own.)
 */
final class DemoLearning {

  /**
   * Events per request at most, well under the ingest limit of 1,000 and 5 MB; a batch is one
   * agent's turn of a minute (see {@link DemoHistory#TURN}), a few dozen events.
   */
  static final int MAX_BATCH = 500;

  /** Learning jobs, projections and read models, on a busy laptop: patient, but bounded. */
  private static final Duration LEARNING_WAIT = Duration.ofMinutes(3);

  private static final String SUSPECTS =
      "are the learning jobs (flink-jobs) and projections running?";

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final PrintStream out;

  /** The backfilled history's last hour boundary; null when an earlier run backfilled it. */
  private Instant lastHourBoundary;

  DemoLearning(PrintStream out) {
    this.out = out;
  }

  /**
   * Registers a second agent beside {@code firstAgent}'s and posts the history through both keys,
   * oldest first, in batches of one agent's consecutive events.
   */
  void backfill(AgentOsClient admin, AgentOsClient firstAgent, String run)
      throws InterruptedException {
    Optional<Pattern> earlier = missingModule(firstAgent.queries());
    if (earlier.isPresent()) {
      out.printf(
          "learning: an earlier demo backfilled this project's history (its error pattern was first"
              + " seen at %s); backfilling it again would land behind what the learning jobs have"
              + " seen, so this run shows their findings on the first%n",
          CLOCK.format(earlier.get().firstSeenAt()));
      return;
    }
    String secondAgentId = "demo-agent-b-" + run;
    admin
        .commands()
        .registerAgent(RegisterAgent.of(secondAgentId, "Demo coding agent B", "agentos-demo"));
    AgentOsClient secondAgent =
        admin.withApiKey(
            admin
                .commands()
                .issueApiKey(secondAgentId, IssueApiKey.of("demo", ApiKeyScope.EVENTS_WRITE))
                .key());
    List<AgentOsClient> agents = List.of(firstAgent, secondAgent);
    DemoHistory history = DemoHistory.ending(Instant.now(), run);
    lastHourBoundary = history.lastHourBoundary();
    List<Posting> postings = history.postings();
    int batches = 0;
    for (int from = 0; from < postings.size(); ) {
      int agent = postings.get(from).agent();
      int to = from;
      while (to < postings.size() && to - from < MAX_BATCH && postings.get(to).agent() == agent) {
        to++;
      }
      post(agents.get(agent), postings.subList(from, to));
      batches++;
      from = to;
    }
    out.printf(
        "learning: backfilled the last %d h of 2 agents (%s and %s) from %s: %s; %d events in %d"
            + " batches%n",
        DemoHistory.SPAN.toHours(),
        "demo-agent-" + run,
        secondAgentId,
        CLOCK.format(history.start()),
        history.summary(),
        postings.size(),
        batches);
  }

  private static void post(AgentOsClient agent, List<Posting> batch) {
    IngestResult result =
        agent.commands().ingest(batch.stream().map(Posting::event).collect(Collectors.toList()));
    if (result.accepted() != batch.size()) {
      IngestResult.EventResult first =
          result.results().stream()
              .filter(event -> !"accepted".equals(event.status()))
              .findFirst()
              .orElseThrow();
      throw new IllegalStateException(
          "the history was not accepted: "
              + (result.rejected() + result.failed())
              + " of "
              + batch.size()
              + " events refused, the first ("
              + batch.get(first.index()).event().get("type")
              + ") for "
              + (first.errors() == null ? first.reason() : first.errors()));
    }
  }

  /**
   * Waits for the learning jobs to have judged the backfilled history up to its last hour boundary
   * (when the project-health job reports on it), then for their findings, and prints them.
   */
  void show(QueryApi query) throws InterruptedException {
    out.println("learning jobs (read through the query API):");
    Pattern firstSnapshot =
        DemoReads.await(
                "the error-patterns job to report ModuleNotFoundError",
                LEARNING_WAIT,
                SUSPECTS,
                () -> missingModule(query),
                Optional::isPresent)
            .orElseThrow();
    String projectId = firstSnapshot.projectId();
    HealthReport health =
        DemoReads.await(
                "the project-health job to report on project "
                    + projectId
                    + (lastHourBoundary == null ? "" : " up to " + CLOCK.format(lastHourBoundary)),
                LEARNING_WAIT,
                SUSPECTS,
                () -> latestHealth(query, projectId),
                report ->
                    report.isPresent()
                        && (lastHourBoundary == null
                            || !report.get().windowEnd().isBefore(lastHourBoundary)))
            .orElseThrow();
    // Reported NEW at its first match; the hourly snapshots since count both agents' matches.
    Pattern pattern =
        DemoReads.await(
            "the error-patterns job to count the matches of both agents",
            LEARNING_WAIT,
            SUSPECTS,
            () -> query.pattern(firstSnapshot.patternId()),
            snapshot -> snapshot.agentsAffected() >= DemoHistory.AGENTS);
    Anomaly anomaly =
        DemoReads.await(
                "the anomalies job to flag " + DemoHistory.METRIC,
                LEARNING_WAIT,
                SUSPECTS,
                () -> query.anomalies(AnomalyList.of(DemoHistory.METRIC).withLimit(1)).items(),
                items -> !items.isEmpty())
            .get(0);
    printPattern(pattern);
    printHealth(health);
    printAnomaly(anomaly);
  }

  private static Optional<Pattern> missingModule(QueryApi query) {
    PatternList list = PatternList.errors().withLimit(200);
    while (true) {
      PatternPage page = query.patterns(list);
      Optional<Pattern> found =
          page.items().stream()
              .filter(pattern -> "ModuleNotFoundError".equals(pattern.errorType()))
              .findFirst();
      if (found.isPresent() || page.nextCursor() == null) {
        return found;
      }
      list = list.after(page);
    }
  }

  private static Optional<HealthReport> latestHealth(QueryApi query, String projectId) {
    try {
      return Optional.of(query.projectHealth(projectId));
    } catch (AgentOsApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void printPattern(Pattern pattern) {
    out.printf(
        "  error pattern %s: %s%s, %d occurrences (%d in the latest hour), %d agents and %d"
            + " sessions affected, seen %s to %s%n",
        pattern.patternId(),
        pattern.status(),
        pattern.language() == null ? "" : " " + pattern.language(),
        pattern.occurrences(),
        pattern.recentOccurrences(),
        pattern.agentsAffected(),
        pattern.sessionsAffected(),
        CLOCK.format(pattern.firstSeenAt()),
        CLOCK.format(pattern.lastSeenAt()));
    out.printf("    signature: %s%n", pattern.signature());
  }

  private void printHealth(HealthReport report) {
    List<String> components = new ArrayList<>();
    for (Map.Entry<String, ?> component : report.components().entrySet()) {
      components.add(component.getKey() + " " + component.getValue());
    }
    out.printf(
        "  project health of %s over the %d h to %s: score %s (%s)%n",
        report.projectId(),
        Duration.between(report.windowStart(), report.windowEnd()).toHours(),
        CLOCK.format(report.windowEnd()),
        report.score(),
        String.join(", ", components));
  }

  private void printAnomaly(Anomaly anomaly) {
    out.printf(
        Locale.ROOT,
        "  anomaly in %s%s at %s: observed %.1f, expected %.1f to %.1f (median %.1f), %s,"
            + " score %.1f (%s)%n",
        anomaly.metric(),
        anomaly.tags(),
        CLOCK.format(anomaly.occurredAt()),
        anomaly.observed(),
        anomaly.expectedLow(),
        anomaly.expectedHigh(),
        anomaly.expected(),
        anomaly.severity(),
        anomaly.deviation(),
        anomaly.detector());
  }
}
