package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A program in the sandbox reaches no network, reads nothing of the host's and writes only /work.
 */
class SandboxContainmentIT {

  static SandboxFixture sandbox;

  @BeforeAll
  static void startRunner() {
    sandbox = new SandboxFixture();
  }

  @AfterAll
  static void removeWorkRoot() throws IOException {
    sandbox.close();
  }

  @Test
  void reachesNoNetworkNeitherOutsideNorTheHostsOwnPorts() throws IOException {
    try (ServerSocket host = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String marker = SandboxFixture.marker();
      String body =
          """
          import socket
          def attempt(name, address):
              try:
                  socket.create_connection(address, timeout=3).close()
                  print(name, 'connected')
              except OSError as e:
                  print(name, 'blocked', e)
          attempt('internet', ('1.1.1.1', 53))
          attempt('host', ('127.0.0.1', %d))
          try:
              socket.getaddrinfo('example.com', 80)
              print('dns resolved')
          except OSError as e:
              print('dns blocked', e)
          """
              .formatted(host.getLocalPort());
      SandboxResult result = sandbox.python(body, marker, Limits.defaults());

      assertThat(result.succeeded()).as("%s", result).isTrue();
      assertThat(result.stdout().text())
          .contains("internet blocked", "host blocked", "dns blocked")
          .doesNotContain("connected", "resolved");
      host.setSoTimeout(200);
      assertThatThrownBy(host::accept).isInstanceOf(SocketTimeoutException.class);
      sandbox.assertNothingLeft(result, marker);
    }
  }

  @Test
  void seesNoneOfTheHostsSecretsHomesOrAgentOsData() throws IOException {
    Path agentOsData = Files.createTempDirectory("agentos-data-it-");
    Files.writeString(agentOsData.resolve("secret.txt"), "the tenants' events");
    String marker = SandboxFixture.marker();
    String body =
        """
        for path in ['/etc/shadow', '/etc/passwd', '/root', '/home', '%s', '%s/secret.txt',
                     '/var', '/run', '/sys']:
            print(path, 'visible' if os.path.exists(path) else 'absent')
        print('tmp holds', os.listdir('/tmp'))
        """
            .formatted(agentOsData, agentOsData);
    SandboxResult result = sandbox.python(body, marker, Limits.defaults());

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(result.stdout().text())
        .contains("/etc/shadow absent", "/root absent", "/home absent", agentOsData + " absent")
        .contains("/var absent", "/sys absent", "tmp holds []")
        .doesNotContain("visible");
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void getsAFreshEnvironmentWithOnlyTheVariablesItIsGiven() {
    String marker = SandboxFixture.marker();
    SandboxResult result =
        sandbox.runner.run(
            SandboxRequest.of(sandbox.python.executable().toString(), "main.py", marker)
                .withFile(
                    "main.py",
                    "import os\nprint(os.readlink('/proc/self/ns/pid'))\n"
                        + "print(sorted(os.environ.items()))\nprint(os.getuid(), os.getcwd())")
                .withEnvironment(Map.of("GREETING", "hello")));

    assertThat(result.stdout().text())
        .contains(
            "[('GREETING', 'hello'), ('HOME', '/work'), ('LANG', 'C.UTF-8'),"
                + " ('PATH', '/usr/local/bin:/usr/bin:/bin'), ('PWD', '/work'),"
                + " ('TMPDIR', '/tmp')]")
        .contains("/work");
    assertThat(result.stdout().text()).doesNotContain("0 /work");
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void writesNowhereButItsWorkFolderAndItsOwnTmp() {
    String marker = SandboxFixture.marker();
    String body =
        """
        for path in ['/usr/escape', '/etc/escape', '/escape', '/proc/sys/kernel/hostname',
                     '/work/ok', '/tmp/%s']:
            try:
                with open(path, 'w') as f:
                    f.write('x')
                print(path, 'written')
            except OSError as e:
                print(path, 'refused', e.strerror)
        """
            .formatted(marker);
    SandboxResult result = sandbox.python(body, marker, Limits.defaults());

    assertThat(result.stdout().text())
        .contains("/usr/escape refused", "/etc/escape refused", "/escape refused")
        .contains("/proc/sys/kernel/hostname refused")
        .contains("/work/ok written", "/tmp/" + marker + " written");
    assertThat(Path.of("/tmp", marker)).doesNotExist();
    assertThat(Path.of("/usr/escape")).doesNotExist();
    sandbox.assertNothingLeft(result, marker);
  }
}
