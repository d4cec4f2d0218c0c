package dev.agentos.deploy.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.LocalNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Runs one single-node Elasticsearch 8.19 cluster until SIGTERM.
 *
 * <p>Arguments are {@code key=value} node settings; they override the defaults below, which make a
 * node that only listens on loopback and never waits for peers. The caller passes at least {@code
 * path.home}, {@code path.data}, {@code path.logs}, {@code http.port} and {@code transport.port}.
 */
public final class ElasticsearchNodeMain {

  private static final Settings DEFAULTS =
      Settings.builder()
          .put("cluster.name", "agentos")
          .put("node.name", "agentos-local")
          .put("network.host", "127.0.0.1")
          .put("discovery.type", "single-node")
          .put("http.type", "netty4")
          .put("transport.type", "netty4")
          // A developer's disk is often fuller than the 85–95 % watermarks: don't go read-only.
          .put("cluster.routing.allocation.disk.threshold_enabled", false)
          .build();

  private static final long CLOSE_TIMEOUT_SECONDS = 20;

  private ElasticsearchNodeMain() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.builder().put(DEFAULTS).put(parse(args)).build();
    LogConfigurator.registerErrorListener();
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), null, () -> settings.get("node.name"));
    Files.createDirectories(environment.logsDir());
    installLogConfiguration(environment.configDir());
    LogConfigurator.setNodeName(settings.get("node.name"));
    LogConfigurator.configure(environment, false);
    Logger logger = LogManager.getLogger(ElasticsearchNodeMain.class);

    CountDownLatch stopped = new CountDownLatch(1);
    Node node;
    try {
      node = new LocalNode(environment, List.of(Netty4Plugin.class, RootEndpointPlugin.class));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stop(node, logger, stopped), "agentos-es-stop"));
      node.start();
    } catch (Exception | Error e) {
      logger.error("Elasticsearch failed to start", e);
      Configurator.shutdown((LoggerContext) LogManager.getContext(false));
      System.exit(1);
      return;
    }
    logger.info("Elasticsearch started");
    // The node's threads are daemons: without this the JVM would exit right after start().
    stopped.await();
  }

  private static void stop(Node node, Logger logger, CountDownLatch stopped) {
    try {
      logger.info("Stopping Elasticsearch");
      node.prepareForClose();
      node.close();
      if (!node.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        logger.warn("Elasticsearch did not close within {}s", CLOSE_TIMEOUT_SECONDS);
      } else {
        logger.info("Elasticsearch stopped");
      }
    } catch (IOException | RuntimeException e) {
      logger.error("Failed to stop Elasticsearch cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
      // Log4j's own shutdown hook is off (-Dlog4j.shutdownHookEnabled=false) so that the lines
      // above are still written; flush and close it last.
      Configurator.shutdown((LoggerContext) LogManager.getContext(false));
    }
  }

  static Settings parse(String[] args) {
    Settings.Builder builder = Settings.builder();
    for (String arg : args) {
      String setting = arg.startsWith("-E") ? arg.substring(2) : arg;
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("Expected key=value, got: " + arg);
      }
      builder.put(setting.substring(0, eq), setting.substring(eq + 1));
    }
    return builder.build();
  }

  /** ES reads its log configuration from the config folder; ours ships in this jar. */
  private static void installLogConfiguration(Path configDir) throws IOException {
    Files.createDirectories(configDir);
    try (InputStream in =
        ElasticsearchNodeMain.class.getResourceAsStream("/agentos-es/log4j2.properties")) {
      if (in == null) {
        throw new IOException("log4j2.properties missing from the jar");
      }
      Files.copy(in, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
