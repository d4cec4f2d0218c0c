package dev.agentos.flink.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What the health job keeps of the current key's project: counts per period for the window and the
 * one before (for the trend), when each test last passed and failed, and when each pattern and
 * anomaly was last seen. Bounded: periods and sightings older than the next report needs are pruned
 * at each report, and test names, patterns and anomalies are capped per project.
 */
final class ProjectHealthState {

  /** Distinct patterns, and anomalies, kept per project; more are not counted. */
  static final int MAX_SIGHTINGS = 10_000;

  private final HealthSettings settings;
  private final ValueState<ProjectMarks> marks;
  private final MapState<Long, HourTally> periods;
  private final MapState<String, TestSighting> tests;
  private final MapState<String, Sighting> patterns;
  private final MapState<String, Sighting> anomalies;

  ProjectHealthState(RuntimeContext runtime, HealthSettings settings) {
    this.settings = settings;
    marks = runtime.getState(new ValueStateDescriptor<>("project", ProjectMarks.class));
    periods =
        runtime.getMapState(
            new MapStateDescriptor<>("periods", Types.LONG, TypeInformation.of(HourTally.class)));
    tests =
        runtime.getMapState(
            new MapStateDescriptor<>(
                "tests", Types.STRING, TypeInformation.of(TestSighting.class)));
    patterns =
        runtime.getMapState(
            new MapStateDescriptor<>("patterns", Types.STRING, TypeInformation.of(Sighting.class)));
    anomalies =
        runtime.getMapState(
            new MapStateDescriptor<>(
                "anomalies", Types.STRING, TypeInformation.of(Sighting.class)));
  }

  /** The project's marks, created from {@code input} if it has none yet. */
  ProjectMarks marks(HealthInput input) throws Exception {
    ProjectMarks current = marks.value();
    return current == null ? ProjectMarks.of(input) : current;
  }

  ProjectMarks marks() throws Exception {
    return marks.value();
  }

  void update(ProjectMarks current) throws Exception {
    marks.update(current);
  }

  /** Counts {@code input} into the project. */
  void apply(HealthInput input) throws Exception {
    ProjectMarks current = marks(input);
    long time = input.eventTimeMillis();
    switch (input.kind()) {
      case VERIFICATION -> {
        tally(input);
        for (String name : input.passedTestNames()) {
          TestSighting test = test(name, current);
          if (test != null) {
            test.lastPassed = Math.max(test.lastPassed, time);
            tests.put(name, test);
          }
        }
        for (String name : input.failedTestNames()) {
          TestSighting test = test(name, current);
          if (test != null) {
            test.lastFailed = Math.max(test.lastFailed, time);
            tests.put(name, test);
          }
        }
      }
      case EXECUTION -> tally(input);
      case ERROR_PATTERN -> {
        if (sight(patterns, input.sightingId(), time, 0, current.patterns)) {
          current.patterns++;
        }
      }
      case ANOMALY -> {
        int points = HealthScores.points(input.severity());
        if (sight(anomalies, input.sightingId(), time, points, current.anomalies)) {
          current.anomalies++;
        }
      }
    }
    marks.update(current);
  }

  /** The counts of the window {@code [start, end)} and of the window of its length before it. */
  HealthWindow window(long start, long end) throws Exception {
    long before = start - (end - start);
    HourTally now = new HourTally();
    HourTally then = new HourTally();
    for (Map.Entry<Long, HourTally> period : periods.entries()) {
      long at = period.getKey();
      HourTally tally = period.getValue();
      HourTally into = at >= start && at < end ? now : at >= before && at < start ? then : null;
      if (into != null) {
        into.testsPassed += tally.testsPassed;
        into.testsFailed += tally.testsFailed;
        into.executionsSucceeded += tally.executionsSucceeded;
        into.executionsFailed += tally.executionsFailed;
      }
    }
    long seen = 0;
    long flaky = 0;
    for (TestSighting test : tests.values()) {
      seen += test.seenSince(start) ? 1 : 0;
      flaky += test.flakySince(start) ? 1 : 0;
    }
    long openPatterns = 0;
    for (Sighting pattern : patterns.values()) {
      openPatterns += pattern.lastSeen >= start && pattern.lastSeen < end ? 1 : 0;
    }
    long anomalyCount = 0;
    long anomalyPoints = 0;
    for (Sighting anomaly : anomalies.values()) {
      if (anomaly.lastSeen >= start && anomaly.lastSeen < end) {
        anomalyCount++;
        anomalyPoints += anomaly.points;
      }
    }
    return new HealthWindow(
        now.testsPassed,
        now.testsFailed,
        now.executionsSucceeded,
        now.executionsFailed,
        then.executionsSucceeded,
        then.executionsFailed,
        seen,
        flaky,
        openPatterns,
        anomalyPoints,
        anomalyCount);
  }

  /**
   * Drops what no window from {@code nextStart} on needs (periods also serve the trend, one window
   * further back); says whether anything is left for the window starting there.
   */
  boolean pruneBefore(long nextStart) throws Exception {
    ProjectMarks current = marks.value();
    boolean left = false;
    for (Long period : keys(periods)) {
      if (period < nextStart - settings.windowMillis()) {
        periods.remove(period);
      } else {
        left |= period >= nextStart;
      }
    }
    for (Map.Entry<String, TestSighting> test : entries(tests)) {
      if (test.getValue().seenSince(nextStart)) {
        left = true;
      } else {
        tests.remove(test.getKey());
        current.testNames--;
      }
    }
    current.patterns = prune(patterns, nextStart);
    current.anomalies = prune(anomalies, nextStart);
    marks.update(current);
    return left || current.patterns > 0 || current.anomalies > 0;
  }

  void clear() {
    marks.clear();
    periods.clear();
    tests.clear();
    patterns.clear();
    anomalies.clear();
  }

  private void tally(HealthInput input) throws Exception {
    long period = settings.periodOf(input.eventTimeMillis());
    HourTally tally = periods.get(period);
    if (tally == null) {
      tally = new HourTally();
    }
    tally.count(input);
    periods.put(period, tally);
  }

  /** The test's sighting, or null when it is new and the project keeps as many as it may. */
  private TestSighting test(String name, ProjectMarks current) throws Exception {
    TestSighting test = tests.get(name);
    if (test != null) {
      return test;
    }
    if (current.testNames >= settings.maxTestNames()) {
      return null;
    }
    current.testNames++;
    return new TestSighting();
  }

  /** Records a sighting of {@code id}; says whether it is a new one. */
  private static boolean sight(
      MapState<String, Sighting> seen, String id, long time, int points, int count)
      throws Exception {
    Sighting sighting = seen.get(id);
    if (sighting != null) {
      sighting.lastSeen = Math.max(sighting.lastSeen, time);
      sighting.points = Math.max(sighting.points, points);
      seen.put(id, sighting);
      return false;
    }
    if (count >= MAX_SIGHTINGS) {
      return false;
    }
    seen.put(id, new Sighting(time, points));
    return true;
  }

  /** Drops the sightings before {@code nextStart}; returns how many are left. */
  private static int prune(MapState<String, Sighting> seen, long nextStart) throws Exception {
    int remaining = 0;
    for (Map.Entry<String, Sighting> sighting : entries(seen)) {
      if (sighting.getValue().lastSeen < nextStart) {
        seen.remove(sighting.getKey());
      } else {
        remaining++;
      }
    }
    return remaining;
  }

  private static <K, V> List<K> keys(MapState<K, V> state) throws Exception {
    List<K> keys = new ArrayList<>();
    state.keys().forEach(keys::add);
    return keys;
  }

  private static <K, V> List<Map.Entry<K, V>> entries(MapState<K, V> state) throws Exception {
    List<Map.Entry<K, V>> entries = new ArrayList<>();
    state.entries().forEach(entry -> entries.add(Map.entry(entry.getKey(), entry.getValue())));
    return entries;
  }
}
