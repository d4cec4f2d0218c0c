package dev.agentos.deploy.local.service;

import dev.agentos.deploy.local.StackEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * InfluxDB 1.x from Debian's {@code influxdb} package (there is no InfluxDB on Maven Central, and
 * Debian has no 2.x). {@code ./agentos} installs the package when it is missing.
 */
public final class InfluxDbService implements LocalService {

  static final String BINARY = "influxd";

  @Override
  public String name() {
    return "influxdb";
  }

  @Override
  public Map<String, Integer> defaultPorts() {
    return Map.of("http", 8086, "rpc", 8088);
  }

  @Override
  public List<String> command(ServiceContext ctx) throws IOException {
    Path binary = findBinary();
    Files.createDirectories(ctx.dataDir());
    Path config = ctx.home().resolve("influxdb.conf");
    Files.writeString(config, config(ctx));
    return List.of(binary.toString(), "run", "-config", config.toString());
  }

  static String config(ServiceContext ctx) {
    Path data = ctx.dataDir();
    return String.join(
        "\n",
        "reporting-disabled = true",
        "bind-address = \"127.0.0.1:" + ctx.port("rpc") + "\"",
        "[meta]",
        "  dir = \"" + data.resolve("meta") + "\"",
        "[data]",
        "  dir = \"" + data.resolve("data") + "\"",
        "  wal-dir = \"" + data.resolve("wal") + "\"",
        "  query-log-enabled = false",
        "[http]",
        "  bind-address = \"127.0.0.1:" + ctx.port("http") + "\"",
        "  log-enabled = false",
        "[monitor]",
        "  store-enabled = false",
        "");
  }

  private static Path findBinary() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, BINARY);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IOException(
        "InfluxDB 1.x is not installed (no influxd on PATH): `./agentos up` installs it with "
            + "apt-get as root; elsewhere run `apt-get install -y influxdb`.");
  }

  @Override
  public boolean isHealthy(ServiceContext ctx) {
    return Health.httpOk("http://127.0.0.1:" + ctx.port("http") + "/ping");
  }

  @Override
  public Map<String, String> endpoints(ServiceContext ctx) {
    return Map.of(StackEndpoints.INFLUXDB_URL, "http://127.0.0.1:" + ctx.port("http"));
  }
}
