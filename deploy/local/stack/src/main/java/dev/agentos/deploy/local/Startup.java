package dev.agentos.deploy.local;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts services as soon as their dependencies are healthy, so independent servers warm up in
 * parallel, and waits for all of them, reporting progress. A server that exits or misses its
 * timeout fails the start; the servers this startup launched are then stopped again.
 */
final class Startup {

  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  private final List<ServiceProcess> processes;
  private final Set<String> alreadyHealthy;
  private final Consumer<String> progress;
  private final Map<String, Instant> startedAt = new LinkedHashMap<>();
  private final Set<String> healthy = new HashSet<>();
  private final List<ServiceProcess> launched = new ArrayList<>();

  Startup(List<ServiceProcess> processes, Consumer<String> progress) {
    this(processes, Set.of(), progress);
  }

  /**
   * @param alreadyHealthy services outside {@code processes} that are up, e.g. the servers when the
   *     applications start
   */
  Startup(List<ServiceProcess> processes, Set<String> alreadyHealthy, Consumer<String> progress) {
    this.processes = processes;
    this.alreadyHealthy = Set.copyOf(alreadyHealthy);
    this.progress = progress;
  }

  void run() throws IOException {
    Instant begin = Instant.now();
    Instant nextProgress = begin.plus(PROGRESS_EVERY);
    for (ServiceProcess p : processes) {
      if (p.running().isPresent()) {
        startedAt.put(p.service().name(), Instant.now());
        progress.accept(p.service().name() + " already running");
      }
    }
    try {
      while (healthy.size() < processes.size()) {
        launchReady();
        checkStarted();
        // checkStarted may just have seen the last one healthy: then there is nothing to wait for
        if (healthy.size() < processes.size() && Instant.now().isAfter(nextProgress)) {
          progress.accept("waiting for " + waitingFor() + " (" + seconds(begin) + " s)");
          nextProgress = Instant.now().plus(PROGRESS_EVERY);
        }
        sleep();
      }
    } catch (IOException | RuntimeException e) {
      for (ServiceProcess p : launched) {
        p.stop();
      }
      throw e;
    }
    progress.accept("all " + processes.size() + " services healthy in " + seconds(begin) + " s");
  }

  private void launchReady() throws IOException {
    for (ServiceProcess p : processes) {
      String name = p.service().name();
      Set<String> ready = new HashSet<>(healthy);
      ready.addAll(alreadyHealthy);
      if (!startedAt.containsKey(name) && ready.containsAll(p.service().dependsOn())) {
        progress.accept("starting " + name + " (log: " + p.context().consoleLog() + ")");
        p.start();
        launched.add(p);
        startedAt.put(name, Instant.now());
      }
    }
  }

  private void checkStarted() {
    for (ServiceProcess p : processes) {
      String name = p.service().name();
      if (!startedAt.containsKey(name) || healthy.contains(name)) {
        continue;
      }
      if (p.running().isEmpty()) {
        throw failure(p, name + " exited during start");
      }
      if (p.isHealthy()) {
        healthy.add(name);
        progress.accept(name + " healthy in " + seconds(startedAt.get(name)) + " s");
      } else if (Duration.between(startedAt.get(name), Instant.now())
              .compareTo(p.service().startTimeout())
          > 0) {
        throw failure(
            p, name + " not healthy after " + p.service().startTimeout().toSeconds() + " s");
      }
    }
  }

  private String waitingFor() {
    List<String> names = new ArrayList<>();
    processes.forEach(
        p -> {
          if (!healthy.contains(p.service().name())) {
            names.add(p.service().name());
          }
        });
    return String.join(", ", names);
  }

  private static IllegalStateException failure(ServiceProcess p, String what) {
    return new IllegalStateException(
        what + "; last lines of " + p.context().consoleLog() + ":\n" + p.logTail(40));
  }

  private static String seconds(Instant since) {
    return String.format("%.1f", Duration.between(since, Instant.now()).toMillis() / 1000.0);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting the stack", e);
    }
  }
}
