package dev.agentos.deploy.local.service;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The streaming learning jobs of module flink-jobs, all on one Flink MiniCluster in a JVM of their
 * own ({@code LearningJobsCli local}), with Flink's REST API on a port of the stack. Each job
 * checkpoints under this service's data folder and resumes from there when the stack starts again.
 * Healthy once Flink lists every streaming job as {@code RUNNING}; status adds each job's state and
 * its consumer group's lag.
 */
public final class FlinkJobsService implements LocalService {

  public static final String REST_URL = "flink.rest.url";

  static final String MAIN_CLASS = "dev.agentos.flink.runner.LearningJobsCli";

  private final List<Path> classpath;
  private final Supplier<List<LearningJob>> catalog;
  // Read on first use: down never needs them, so a broken flink-jobs build cannot keep it from
  // stopping the stack.
  private List<LearningJob> jobs;

  /**
   * @param classpath flink-jobs' classes first, then its dependencies with the Flink it provides
   * @param jobs the jobs the runner submits, which must all run
   */
  public FlinkJobsService(List<Path> classpath, List<LearningJob> jobs) {
    this(classpath, () -> List.copyOf(jobs));
  }

  private FlinkJobsService(List<Path> classpath, Supplier<List<LearningJob>> catalog) {
    this.classpath = classpath.stream().map(Path::toAbsolutePath).toList();
    this.catalog = catalog;
  }

  /**
   * The runner on {@code classpath} (as {@code ./agentos} passes it), watching the jobs it runs.
   */
  public static FlinkJobsService onClasspath(String classpath) {
    List<Path> entries =
        Arrays.stream(classpath.split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(Path::of)
            .toList();
    return new FlinkJobsService(entries, () -> LearningJobsCatalog.read(entries));
  }

  public List<LearningJob> jobs() {
    if (jobs == null) {
      jobs = catalog.get();
    }
    return jobs;
  }

  @Override
  public String name() {
    return "flink-jobs";
  }

  /** Not Flink's usual 8081: the registry has it. */
  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("rest", 8084);
  }

  /** Runs after the topics exist: its sources subscribe to them and its sinks write to them. */
  @Override
  public boolean isApplication() {
    return true;
  }

  @Override
  public Set<String> dependsOn() {
    return Set.of("kafka", "registry");
  }

  /** A MiniCluster's start and the submission of every streaming job, on a busy 2-core machine. */
  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    if (classpath.isEmpty() || !Files.isDirectory(classpath.get(0))) {
      throw new IOException(
          "no flink-jobs classes at "
              + (classpath.isEmpty() ? "(empty classpath)" : classpath.get(0))
              + ": build it with ./mvnw install");
    }
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    command.add(MAIN_CLASS);
    command.addAll(
        List.of(
            "local",
            "--bootstrap-servers",
            "127.0.0.1:" + ctx.portOf("kafka", "broker"),
            "--registry-url",
            "http://127.0.0.1:" + ctx.portOf("registry", "http"),
            "--checkpoints",
            checkpoints(ctx).toString(),
            "--rest-port",
            String.valueOf(ctx.port("rest"))));
    return List.copyOf(command);
  }

  /** Where the jobs checkpoint, one folder each: kept across {@code down} and {@code up}. */
  static Path checkpoints(ServiceContext ctx) {
    return ctx.dataDir().resolve("checkpoints").toAbsolutePath();
  }

  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return overview(ctx).map(overview -> overview.notRunning(names()).isEmpty()).orElse(false);
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(REST_URL, url(ctx));
  }

  /** One line per job: its state in Flink and how many records its consumer group is behind. */
  @Override
  public List<String> statusDetails(ServiceContext ctx) {
    Optional<JobsOverview> overview = overview(ctx);
    if (overview.isEmpty()) {
      return List.of("Flink's REST API does not answer at " + url(ctx) + "/jobs/overview");
    }
    Map<String, OptionalLong> lags;
    String lagUnknown;
    try {
      lags =
          ConsumerLag.read(
              "127.0.0.1:" + ctx.portOf("kafka", "broker"),
              jobs().stream().map(LearningJob::consumerGroup).toList());
      lagUnknown = "lag unknown: no offsets committed yet (none before its first record)";
    } catch (ExecutionException e) {
      lags = Map.of();
      lagUnknown =
          "lag unknown: Kafka did not answer (" + e.getCause().getClass().getSimpleName() + ")";
    } catch (TimeoutException e) {
      lags = Map.of();
      lagUnknown = "lag unknown: Kafka did not answer in time";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lags = Map.of();
      lagUnknown = "lag unknown: interrupted";
    }
    List<String> lines = new ArrayList<>();
    for (LearningJob job : jobs()) {
      OptionalLong lag = lags.getOrDefault(job.consumerGroup(), OptionalLong.empty());
      lines.add(statusLine(job, overview.get(), lag, lagUnknown));
    }
    return lines;
  }

  static String statusLine(
      LearningJob job, JobsOverview overview, OptionalLong lag, String lagUnknown) {
    return String.format(
        "%-16s %-12s %s",
        job.name(),
        overview.state(job.name()).orElse("NOT LISTED"),
        lag.isPresent() ? "lag " + lag.getAsLong() + " (" + job.consumerGroup() + ")" : lagUnknown);
  }

  private Optional<JobsOverview> overview(ServiceContext ctx) {
    return Health.httpBody(url(ctx) + "/jobs/overview").flatMap(JobsOverview::tryParse);
  }

  private List<String> names() {
    return jobs().stream().map(LearningJob::name).toList();
  }

  private static String url(ServiceContext ctx) {
    return "http://127.0.0.1:" + ctx.port("rest");
  }
}
