package dev.agentos.deploy.registry;

import dev.agentos.deploy.registry.http.RegistryHttpServer;
import dev.agentos.deploy.registry.store.KafkaRegistryLog;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the registry: replays the {@code _schemas} topic completely, and only then answers HTTP, so
 * that no client ever sees a registry that forgot a schema. Stops on SIGTERM.
 */
@Command(
    name = "agentos-registry",
    mixinStandardHelpOptions = true,
    description = "A schema registry speaking the Confluent REST API, stored in Kafka.")
public final class RegistryMain implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryMain.class);

  @Option(names = "--port", required = true, description = "HTTP port")
  int port;

  @Option(
      names = "--kafka-bootstrap-servers",
      required = true,
      description = "Kafka that keeps the schemas, e.g. 127.0.0.1:9092")
  String bootstrapServers;

  @Option(
      names = "--topic",
      defaultValue = "_schemas",
      description = "Compacted topic of the registry's changes (default: ${DEFAULT-VALUE})")
  String topic;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  public static void main(String[] args) {
    System.exit(new CommandLine(new RegistryMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    KafkaRegistryLog log = KafkaRegistryLog.open(bootstrapServers, topic);
    SchemaRegistry registry = SchemaRegistry.replay(log);
    RegistryHttpServer server = RegistryHttpServer.start(host, port, registry);
    LOG.info(
        "Schema registry answering on http://{}:{} (topic {} on {})",
        host,
        server.port(),
        topic,
        bootstrapServers);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping the schema registry");
                  server.close();
                  log.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
