package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/** Kafka 4.3 in KRaft mode, one node acting as broker and controller. */
public final class KafkaService implements LocalService {

  private static final String RUNTIME = "kafka";
  private static final List<String> HEAP = List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC");

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("broker", 9092, "controller", 9093);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Path config = ctx.home().resolve("server.properties");
    Files.createDirectories(ctx.dataDir());
    Files.createDirectories(ctx.logDir());
    Files.writeString(config, serverProperties(ctx));
    Path log4j = ctx.home().resolve("log4j2.properties");
    Files.writeString(log4j, LOG4J);
    List<String> jvm = jvmArgs(ctx, log4j);
    if (!Files.exists(ctx.dataDir().resolve("meta.properties"))) {
      format(ctx, jvm, config);
    }
    return ctx.javaCommand(RUNTIME, jvm, "kafka.Kafka", List.of(config.toString()));
  }

  /** KRaft storage is formatted once; a second `up` finds meta.properties and keeps the log. */
  private static void format(ServiceContext ctx, List<String> jvm, Path config) throws IOException {
    String clusterId = Uuid.randomUuid().toString();
    List<String> command =
        ctx.javaCommand(
            RUNTIME,
            jvm,
            "kafka.tools.StorageTool",
            List.of("format", "-t", clusterId, "-c", config.toString(), "--standalone"));
    Path log = ctx.logDir().resolve("format.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "Formatting Kafka storage failed: see " + log + "\n" + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while formatting Kafka storage", e);
    }
  }

  private static List<String> jvmArgs(ServiceContext ctx, Path log4j) {
    return Stream.concat(
            HEAP.stream(),
            Stream.of("-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + ctx.logDir()))
        .toList();
  }

  private static String serverProperties(ServiceContext ctx) {
    int broker = ctx.port("broker");
    int controller = ctx.port("controller");
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
        "listeners=PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + broker,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + ctx.dataDir(),
        "num.partitions=3",
        // One node: every internal topic has one replica and needs one in-sync replica.
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "min.insync.replicas=1",
        "default.replication.factor=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        "");
  }

  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return Health.tcpOpen(ctx.port("broker"));
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(StackEndpoints.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:" + ctx.port("broker"));
  }

  private static final String LOG4J =
      String.join(
          "\n",
          "appender.console.type=Console",
          "appender.console.name=STDOUT",
          "appender.console.layout.type=PatternLayout",
          "appender.console.layout.pattern=[%d] %p %m (%c)%n",
          "rootLogger.level=INFO",
          "rootLogger.appenderRef.stdout.ref=STDOUT",
          "logger.kafka.name=kafka",
          "logger.kafka.level=INFO",
          "logger.state.name=state.change.logger",
          "logger.state.level=WARN",
          "logger.request.name=kafka.request.logger",
          "logger.request.level=WARN",
          "");
}
