package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Elasticsearch 8.19, one node on loopback, built from Maven Central jars by the
 * elasticsearch-server module ({@code ElasticsearchNodeMain}). Only the standard analyzers and no
 * scripting languages are there: the distribution's modules are not published as jars.
 *
 * <p>It runs on the JDK {@value #JAVA_HOME_VARIABLE} names; else on the newest JDK of 21 or later
 * under {@value #SYSTEM_JDKS}, as Elasticsearch's own distribution runs on the current JDK it
 * bundles; else on the stack's. On a JDK of 21 or later Lucene computes vector distances with the
 * Panama vector API (SIMD), which Lucene 9.12 cannot on 17: indexing a 384-dimension HNSW vector,
 * most of a memory document's cost, took about a quarter less CPU on JDK 25, and hybrid search's
 * p99 fell from 20.7 to 18.6 ms with the same results (docs/benchmarks.md).
 */
public final class ElasticsearchService implements LocalService {

  private static final String RUNTIME = "elasticsearch";
  private static final String MAIN = "dev.agentos.deploy.elasticsearch.ElasticsearchNodeMain";

  /** A JDK (21 or later for SIMD vectors) to run Elasticsearch with instead of the stack's. */
  static final String JAVA_HOME_VARIABLE = "AGENTOS_ELASTICSEARCH_JAVA_HOME";

  /** Where Debian and Ubuntu install JDKs. */
  static final String SYSTEM_JDKS = "/usr/lib/jvm";

  /** The first JDK whose Panama vector API Lucene 9.12 uses. */
  static final int FIRST_SIMD_JDK = 21;

  private static final Pattern RELEASE_VERSION =
      Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
  private static final Pattern USABLE = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The JVM options of the distribution's jvm.options that matter outside its launcher. */
  private static final List<String> JVM =
      List.of(
          "-Xms256m",
          "-Xmx512m",
          // ES would take half the heap; its netty allocator is unpooled at this heap size.
          "-XX:MaxDirectMemorySize=128m",
          "-XX:+UseG1GC",
          "-XX:+ExitOnOutOfMemoryError",
          "-Djava.awt.headless=true",
          "-Dfile.encoding=UTF-8",
          "-Dio.netty.noUnsafe=true",
          "-Dio.netty.noKeySetOptimization=true",
          "-Dio.netty.recycler.maxCapacityPerThread=0",
          // The node's shutdown hook logs while it closes; log4j's own hook would stop logging
          // first.
          "-Dlog4j.shutdownHookEnabled=false",
          "-Dlog4j2.disable.jmx=true",
          "-Dlog4j2.formatMsgNoLookups=true");

  @Override
  public String name() {
    return "elasticsearch";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 9200, "transport", 9300);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    Files.createDirectories(ctx.home().resolve("tmp"));
    Path javaHome = javaHome(System.getenv(), Path.of(SYSTEM_JDKS));
    return ctx.javaCommand(
        javaHome, RUNTIME, jvmArgs(ctx, featureVersion(javaHome)), MAIN, nodeSettings(ctx));
  }

  static List<String> jvmArgs(ServiceContext ctx, int javaFeatureVersion) {
    List<String> args = new ArrayList<>(JVM);
    args.add("-Djava.io.tmpdir=" + ctx.home().resolve("tmp"));
    if (javaFeatureVersion >= FIRST_SIMD_JDK) {
      args.add("--add-modules=jdk.incubator.vector");
      // Lucene 9.12 turns the vector API off on a JDK newer than it was tested with (23).
      args.add("-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=" + javaFeatureVersion);
      args.add("--enable-native-access=ALL-UNNAMED");
    }
    return args;
  }

  /**
   * {@value #JAVA_HOME_VARIABLE} when set; else the newest JDK of {@value #FIRST_SIMD_JDK} or later
   * in {@code systemJdks}; else the JDK running the stack.
   */
  static Path javaHome(Map<String, String> environment, Path systemJdks) {
    String configured = environment.get(JAVA_HOME_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path stacks = Path.of(System.getProperty("java.home"));
    if (!Files.isDirectory(systemJdks)) {
      return stacks;
    }
    try (Stream<Path> jdks = Files.list(systemJdks)) {
      return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin").resolve("java")))
          .filter(jdk -> featureVersion(jdk) >= FIRST_SIMD_JDK)
          .max(Comparator.comparingInt(ElasticsearchService::featureVersion))
          .orElse(stacks);
    } catch (IOException e) {
      return stacks;
    }
  }

  /**
   * The feature version (17, 21, 25) of the JDK in {@code javaHome}, from its {@code release} file;
   * 17 when it has none, which only leaves the SIMD options out.
   */
  static int featureVersion(Path javaHome) {
    try {
      Matcher version = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
      return version.find() ? Integer.parseInt(version.group(1)) : 17;
    } catch (IOException e) {
      return 17;
    }
  }

  /** Node settings as {@code key=value}; the main class adds the single-node, loopback defaults. */
  static List<String> nodeSettings(ServiceContext ctx) {
    return List.of(
        "path.home=" + ctx.home(),
        "path.data=" + ctx.dataDir(),
        "path.logs=" + ctx.logDir(),
        "http.port=" + ctx.port("http"),
        "transport.port=" + ctx.port("transport"));
  }

  /**
   * Healthy when the cluster is green or yellow: an open HTTP port alone can still mean red while
   * the shards of a reused data folder recover. Yellow is normal: one node, replicas unassigned.
   */
  @Override
  public boolean isHealthy(ServiceContext ctx) {
    URI health = URI.create(url(ctx) + "/_cluster/health");
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return isUsable(response.statusCode(), response.body());
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static boolean isUsable(int status, String clusterHealth) {
    return status == 200 && USABLE.matcher(clusterHealth).find();
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(StackEndpoints.ELASTICSEARCH_URL, url(ctx));
  }

  private static String url(ServiceContext ctx) {
    return "http://127.0.0.1:" + ctx.port("http");
  }
}
