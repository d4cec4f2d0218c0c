package dev.agentos.deploy.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticsearchServiceTest {

  @TempDir Path home;

  private final ElasticsearchService service = new ElasticsearchService();

  private ServiceContext context(int http) {
    return new ServiceContext(
        "elasticsearch", home, Map.of("http", http, "transport", 19300), Map.of());
  }

  @Test
  void commandPassesPortsAndPathsAsNodeSettings() throws IOException {
    List<String> command = service.command(context(19200));

    assertThat(command)
        .contains("-Xms256m", "-Xmx512m", "-Dlog4j.shutdownHookEnabled=false")
        .contains("dev.agentos.deploy.elasticsearch.ElasticsearchNodeMain")
        .endsWith(
            "path.home=" + home,
            "path.data=" + home.resolve("data"),
            "path.logs=" + home.resolve("logs"),
            "http.port=19200",
            "transport.port=19300");
    assertThat(home.resolve("tmp")).isDirectory();
  }

  @Test
  void aJdkOf21OrLaterGetsLucenesVectorApiAnd17DoesNot() {
    assertThat(ElasticsearchService.jvmArgs(context(19200), 17))
        .noneMatch(arg -> arg.contains("jdk.incubator.vector") || arg.contains("vectorization"));
    assertThat(ElasticsearchService.jvmArgs(context(19200), 25))
        .contains(
            "--add-modules=jdk.incubator.vector",
            "-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=25");
  }

  @Test
  void theJdkIsTheConfiguredOneElseTheNewestSystemJdkWithSimdElseTheStacks() throws IOException {
    Path systemJdks = Files.createDirectories(home.resolve("jvm"));
    Path stacks = Path.of(System.getProperty("java.home"));
    assertThat(
            ElasticsearchService.javaHome(
                Map.of(ElasticsearchService.JAVA_HOME_VARIABLE, "/opt/jdk-25"), systemJdks))
        .isEqualTo(Path.of("/opt/jdk-25"));
    assertThat(ElasticsearchService.javaHome(Map.of(), home.resolve("none"))).isEqualTo(stacks);

    fakeJdk(systemJdks.resolve("jdk-17"), "17.0.15");
    assertThat(ElasticsearchService.javaHome(Map.of(), systemJdks)).isEqualTo(stacks);

    fakeJdk(systemJdks.resolve("jdk-21"), "21.0.8");
    Path jdk25 = fakeJdk(systemJdks.resolve("jdk-25"), "25.0.1");
    Files.createDirectories(systemJdks.resolve("jdk-26-no-java"));
    Files.writeString(systemJdks.resolve("jdk-26-no-java/release"), "JAVA_VERSION=\"26\"\n");
    assertThat(ElasticsearchService.javaHome(Map.of(), systemJdks)).isEqualTo(jdk25);
  }

  private static Path fakeJdk(Path jdk, String version) throws IOException {
    Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    return jdk;
  }

  @Test
  void theJdksVersionComesFromItsReleaseFile() throws IOException {
    Path jdk = Files.createDirectories(home.resolve("jdk"));
    assertThat(ElasticsearchService.featureVersion(jdk)).isEqualTo(17);
    Files.writeString(
        jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
    assertThat(ElasticsearchService.featureVersion(jdk)).isEqualTo(25);
    assertThat(ElasticsearchService.featureVersion(Path.of(System.getProperty("java.home"))))
        .isEqualTo(Runtime.version().feature());
  }

  @Test
  void greenAndYellowAreUsableRedIsNot() {
    assertThat(ElasticsearchService.isUsable(200, "{\"status\":\"green\"}")).isTrue();
    assertThat(ElasticsearchService.isUsable(200, "{\"cluster_name\":\"a\",\"status\":\"yellow\"}"))
        .isTrue();
    assertThat(ElasticsearchService.isUsable(200, "{\"status\":\"red\"}")).isFalse();
    assertThat(ElasticsearchService.isUsable(503, "{\"status\":\"yellow\"}")).isFalse();
  }

  @Test
  void isHealthyAsksTheClusterHealthEndpoint() throws IOException {
    HttpServer fake =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext(
        "/_cluster/health",
        exchange -> {
          byte[] body = "{\"status\":\"yellow\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    fake.start();
    try {
      assertThat(service.isHealthy(context(fake.getAddress().getPort()))).isTrue();
    } finally {
      fake.stop(0);
    }
  }

  @Test
  void isNotHealthyWhenNothingListens() throws IOException {
    int port;
    try (var closed = new java.net.ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    assertThat(service.isHealthy(context(port))).isFalse();
  }

  @Test
  void endpointIsTheHttpUrl() {
    assertThat(service.endpoints(context(19200)))
        .containsEntry(StackEndpoints.ELASTICSEARCH_URL, "http://127.0.0.1:19200");
  }
}
