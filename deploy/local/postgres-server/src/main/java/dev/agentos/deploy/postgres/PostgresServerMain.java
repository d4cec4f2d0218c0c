package dev.agentos.deploy.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Holds a PostgreSQL server (binaries from Maven Central, via zonky) for the local stack: starts it
 * on a data folder that survives restarts and stops it when this process gets SIGTERM. The binaries
 * are extracted into the stack's own folder ({@link PostgresBinaries}), never a shared temp folder
 * that another run may have left half written.
 */
@Command(name = "postgres-server", mixinStandardHelpOptions = true)
public final class PostgresServerMain implements Callable<Integer> {

  @Option(names = "--port", required = true, description = "TCP port on 127.0.0.1")
  int port;

  @Option(names = "--data-dir", required = true, description = "PostgreSQL data folder (kept)")
  Path dataDir;

  @Option(
      names = "--binaries-dir",
      required = true,
      description = "where the binaries are extracted, one folder per archive digest (kept)")
  Path binariesDir;

  @Option(names = "--shared-buffers", defaultValue = "64MB")
  String sharedBuffers;

  @Override
  public Integer call() throws Exception {
    PostgresBinaries.discardUnfinished(binariesDir);
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(binariesDir.toFile())
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("shared_buffers", sharedBuffers)
            .setServerConfig("max_connections", "100")
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("PostgreSQL did not stop cleanly: " + e);
                  }
                  stopped.countDown();
                }));
    System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + dataDir);
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PostgresServerMain()).execute(args));
  }
}
