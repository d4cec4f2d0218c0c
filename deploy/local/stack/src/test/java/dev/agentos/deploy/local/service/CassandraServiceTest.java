package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraServiceTest {

  @TempDir Path home;

  private final CassandraService service = new CassandraService();

  private ServiceContext context() {
    return new ServiceContext("cassandra", home, Map.of("cql", 19042, "storage", 17001), Map.of());
  }

  @Test
  void yamlUsesTheAssignedPortsAndKeepsEveryFolderUnderTheDataDir() {
    String yaml = CassandraService.cassandraYaml(context());

    assertThat(yaml)
        .contains("native_transport_port: 19042")
        .contains("storage_port: 17001")
        .contains("- seeds: \"127.0.0.1:17001\"")
        .contains("listen_address: 127.0.0.1")
        .contains("rpc_address: 127.0.0.1")
        .contains("endpoint_snitch: SimpleSnitch")
        .contains("auto_snapshot: false")
        .contains("memtable_allocation_type: offheap_objects");
    Path data = home.resolve("data");
    assertThat(yaml)
        .contains("  - " + data.resolve("data"))
        .contains("commitlog_directory: " + data.resolve("commitlog"))
        .contains("saved_caches_directory: " + data.resolve("saved_caches"))
        .contains("hints_directory: " + data.resolve("hints"))
        .contains("cdc_raw_directory: " + data.resolve("cdc_raw"));
  }

  @Test
  void commandRunsTheDaemonWithCappedMemoryAndTheWrittenConfiguration() throws IOException {
    List<String> command = service.command(context());

    assertThat(command)
        .contains(
            "-Xms256m", "-Xmx768m", "-XX:MaxDirectMemorySize=256m", "-Dcassandra-foreground=yes")
        .contains("-Dcassandra.config=" + home.resolve("conf/cassandra.yaml").toUri())
        .contains("-Dcassandra.storagedir=" + home.resolve("data"))
        .contains("-Dcassandra.logdir=" + home.resolve("logs"))
        .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
        .endsWith("org.apache.cassandra.service.CassandraDaemon");
    assertThat(home.resolve("conf/cassandra.yaml"))
        .content()
        .contains("native_transport_port: 19042");
    assertThat(home.resolve("conf/logback.xml"))
        .content()
        .contains("${cassandra.logdir}/system.log");
  }

  @Test
  void aSecondStartKeepsTheData() throws IOException {
    service.command(context());
    Path sstable = home.resolve("data/data/ks/t/nb-1-big-Data.db");
    Files.createDirectories(sstable.getParent());
    Files.writeString(sstable, "rows");

    service.command(context());

    assertThat(sstable).content().isEqualTo("rows");
  }

  @Test
  void isHealthyOnlyOnceTheNativeProtocolAnswersOptions() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerSupported(fake));
      server.start();

      assertThat(CassandraService.answersCqlOptions(fake.getLocalPort())).isTrue();
      server.join(5000);
    }
  }

  @Test
  void isNotHealthyWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    assertThat(CassandraService.answersCqlOptions(port)).isFalse();
  }

  @Test
  void endpointsNameTheContactPointAndTheSnitchDatacenter() {
    assertThat(service.endpoints(context()))
        .containsEntry(StackEndpoints.CASSANDRA_CONTACT_POINT, "127.0.0.1:19042")
        .containsEntry(StackEndpoints.CASSANDRA_DATACENTER, "datacenter1");
  }

  /** Reads one OPTIONS frame and answers with the header of an (empty) SUPPORTED frame. */
  private static void answerSupported(ServerSocket fake) {
    try (Socket client = fake.accept()) {
      byte[] request = new byte[9];
      new DataInputStream(client.getInputStream()).readFully(request);
      if (request[4] == 0x05) {
        client.getOutputStream().write(new byte[] {(byte) 0x84, 0, 0, 1, 0x06, 0, 0, 0, 0});
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
