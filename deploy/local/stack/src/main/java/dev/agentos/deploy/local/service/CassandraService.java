package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cassandra 5.0, one node on loopback, run from the cassandra-all jar (no tarball, no scripts).
 *
 * <p>It listens on two ports only: {@code cql} (native protocol) and {@code storage} (internode
 * gossip, bound even with one node). JMX stays off: Cassandra opens it only when {@code
 * cassandra.jmx.local.port} is set, which only its shell scripts do, so {@code nodetool} does not
 * work here. The configuration is rewritten at every start (ports may change); the data folders are
 * kept, so a second start finds its keyspaces.
 */
public final class CassandraService implements LocalService {

  static final String CLUSTER_NAME = "agentos";

  /** What SimpleSnitch reports for every node; drivers need it as their local datacenter. */
  static final String DATACENTER = "datacenter1";

  private static final String RUNTIME = "cassandra";
  private static final String MAIN = "org.apache.cassandra.service.CassandraDaemon";

  /** Cassandra's conf/jvm17-server.options, JPMS section: what it reaches into on Java 17. */
  private static final List<String> JPMS =
      List.of(
          "-Djdk.attach.allowAttachSelf=true",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.server=ALL-UNNAMED",
          "--add-exports=java.sql/java.sql=ALL-UNNAMED",
          "--add-exports=java.base/java.lang.ref=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.attach/sun.tools.attach=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.reflect=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.math=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.module=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.util.jar=ALL-UNNAMED",
          "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true");

  /**
   * The whole stack must fit in about 4 GiB: heap and direct memory are capped, and the off-heap
   * caches in the yaml are sized to fit the direct-memory cap. 768 MiB rather than 512: a replay's
   * memtables and SAI buffers kept a 512 MiB old generation ~80 % full, and the larger heap halved
   * the replay's GC pauses (docs/benchmarks.md, Replay).
   */
  private static final List<String> MEMORY =
      List.of(
          "-Xms256m",
          "-Xmx768m",
          "-XX:MaxDirectMemorySize=256m",
          "-Xss256k",
          "-XX:+UseG1GC",
          "-XX:+ExitOnOutOfMemoryError");

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("cql", 9042, "storage", 7000);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Path conf = ctx.home().resolve("conf");
    Files.createDirectories(conf);
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    Files.createDirectories(ctx.dataDir().resolve("tmp"));
    Files.createDirectories(ctx.home().resolve("triggers"));
    Path yaml = conf.resolve("cassandra.yaml");
    Path logback = conf.resolve("logback.xml");
    Files.writeString(yaml, cassandraYaml(ctx));
    Files.writeString(logback, LOGBACK);
    return ctx.javaCommand(RUNTIME, jvmArgs(ctx, yaml, logback), MAIN, List.of());
  }

  static List<String> jvmArgs(ServiceContext ctx, Path yaml, Path logback) {
    List<String> args = new ArrayList<>(MEMORY);
    args.addAll(JPMS);
    args.add("-Dcassandra-foreground=yes");
    args.add("-Dcassandra.config=" + yaml.toUri());
    args.add("-Dcassandra.storagedir=" + ctx.dataDir());
    args.add("-Dcassandra.logdir=" + ctx.logDir());
    args.add("-Dlogback.configurationFile=" + logback);
    // One node has no peer to tell about its shutdown: don't wait 2 s after announcing it.
    args.add("-Dcassandra.shutdown_announce_in_ms=0");
    args.add("-Dcassandra.triggers_dir=" + ctx.home().resolve("triggers"));
    args.add("-Djava.io.tmpdir=" + ctx.dataDir().resolve("tmp"));
    return args;
  }

  /** The minimal cassandra.yaml of a single loopback node; everything not set keeps its default. */
  static String cassandraYaml(ServiceContext ctx) {
    Path data = ctx.dataDir();
    int storage = ctx.port("storage");
    return String.join(
        "\n",
        "cluster_name: " + CLUSTER_NAME,
        "num_tokens: 1",
        "initial_token: 0",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"127.0.0.1:" + storage + "\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1",
        "storage_port: " + storage,
        "start_native_transport: true",
        "native_transport_port: " + ctx.port("cql"),
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "data_file_directories:",
        "  - " + data.resolve("data"),
        "commitlog_directory: " + data.resolve("commitlog"),
        "saved_caches_directory: " + data.resolve("saved_caches"),
        "hints_directory: " + data.resolve("hints"),
        "cdc_raw_directory: " + data.resolve("cdc_raw"),
        // Snapshots on drop/truncate would fill the disk of a test suite that recreates tables.
        "auto_snapshot: false",
        "snapshot_before_compaction: false",
        // Off-heap caches, kept within -XX:MaxDirectMemorySize.
        "file_cache_size: 64MiB",
        "networking_cache_size: 32MiB",
        "concurrent_compactors: 1",
        // Memtable cells outside the heap (native memory, not direct buffers, so outside
        // MaxDirectMemorySize): during a replay the on-heap memtables filled the old generation
        // into full GCs; measured ~20 % less Cassandra CPU per replayed record and ~40 % less GC
        // pause (docs/benchmarks.md, Replay). Up to memtable_offheap_space (1/4 of the heap,
        // 192 MiB) more resident memory, which the heap no longer holds. Writes stay as durable
        // as before: the commit log is unchanged.
        "memtable_allocation_type: offheap_objects",
        "");
  }

  /**
   * Healthy once the native protocol answers an OPTIONS request with SUPPORTED. Cassandra opens the
   * CQL port last, but only a reply proves it serves requests.
   */
  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return answersCqlOptions(ctx.port("cql"));
  }

  static boolean answersCqlOptions(int port) {
    // Protocol v4 frame header: version, flags, stream id (2 bytes), opcode OPTIONS, body length 0.
    byte[] options = {0x04, 0x00, 0x00, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00};
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(options);
      out.flush();
      byte[] header = new byte[9];
      new DataInputStream(socket.getInputStream()).readFully(header);
      boolean isResponse = (header[0] & 0x80) != 0;
      return isResponse && header[4] == 0x06; // SUPPORTED
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(
        StackEndpoints.CASSANDRA_CONTACT_POINT,
        "127.0.0.1:" + ctx.port("cql"),
        StackEndpoints.CASSANDRA_DATACENTER,
        DATACENTER);
  }

  @Override
  public Duration startTimeout() {
    return Duration.ofSeconds(180);
  }

  /** system.log in the log folder (INFO); the console, which the launcher keeps, gets warnings. */
  private static final String LOGBACK =
      String.join(
          "\n",
          "<configuration scan=\"false\">",
          "  <!-- No shutdown hook: Cassandra stops logback itself after draining. -->",
          "  <appender name=\"SYSTEMLOG\" class=\"ch.qos.logback.core.rolling.RollingFileAppender\">",
          "    <file>${cassandra.logdir}/system.log</file>",
          "    <rollingPolicy class=\"ch.qos.logback.core.rolling.FixedWindowRollingPolicy\">",
          "      <fileNamePattern>${cassandra.logdir}/system.log.%i.zip</fileNamePattern>",
          "      <minIndex>1</minIndex>",
          "      <maxIndex>3</maxIndex>",
          "    </rollingPolicy>",
          "    <triggeringPolicy"
              + " class=\"ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy\">",
          "      <maxFileSize>20MB</maxFileSize>",
          "    </triggeringPolicy>",
          "    <encoder>",
          "      <pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern>",
          "    </encoder>",
          "  </appender>",
          "  <appender name=\"STDOUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
          "    <filter class=\"ch.qos.logback.classic.filter.ThresholdFilter\">",
          "      <level>WARN</level>",
          "    </filter>",
          "    <encoder>",
          "      <pattern>%-5level %date{HH:mm:ss.SSS} %msg%n</pattern>",
          "    </encoder>",
          "  </appender>",
          "  <root level=\"INFO\">",
          "    <appender-ref ref=\"SYSTEMLOG\"/>",
          "    <appender-ref ref=\"STDOUT\"/>",
          "  </root>",
          "</configuration>",
          "");
}
