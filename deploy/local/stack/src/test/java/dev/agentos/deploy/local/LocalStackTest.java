package dev.agentos.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.deploy.local.service.LocalService;
import dev.agentos.deploy.local.service.ServiceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start/stop rules of the stack, with shell commands standing in for servers. */
class LocalStackTest {

  private final List<String> progress = new ArrayList<>();
  private LocalStack stack;

  /** Even a failed assertion must not leave child processes behind. */
  @AfterEach
  void stopEverything() throws Exception {
    if (stack != null) {
      stack.down();
    }
  }

  @Test
  void startsServicesAfterTheirDependenciesAndStopsThemAll(@TempDir Path home) throws Exception {
    stack =
        new LocalStack(
            home,
            List.of(new Sleeper("first", Set.of()), new Sleeper("second", Set.of("first"))),
            progress::add);

    Properties endpoints = stack.up(Map.of(), true);

    assertThat(endpoints).containsKeys("first.url", "second.url");
    assertThat(lineStarting("first healthy")).isLessThan(lineStarting("starting second"));
    assertThat(Files.readString(home.resolve(LocalStack.ENV_FILE))).contains("AGENTOS_FIRST_URL=");
    assertThat(stack.status().values()).allMatch(s -> s.startsWith("healthy"));
    long pid = pidOf(home, "second");

    stack.down();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(stack.status().values()).containsOnly("stopped");
  }

  @Test
  void detailsComeFromRunningServicesOnly(@TempDir Path home) throws Exception {
    stack = new LocalStack(home, List.of(new Sleeper("only", Set.of())), progress::add);
    assertThat(stack.details()).isEmpty();

    stack.up(Map.of(), true);

    assertThat(stack.details()).containsExactly(Map.entry("only", List.of("only is asleep")));
    stack.down();
    assertThat(stack.details()).isEmpty();
  }

  /** A server's console may print secrets (the command side once printed the admin key). */
  @Test
  void aServersConsoleLogIsReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
    stack = new LocalStack(home, List.of(new Sleeper("only", Set.of())), progress::add);
    stack.up(Map.of(), true);

    Path logs = home.resolve("only").resolve("logs");
    assertThat(Files.getPosixFilePermissions(logs))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(logs.resolve("console.log")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    stack.down();
  }

  @Test
  void aSecondUpLeavesRunningServicesAlone(@TempDir Path home) throws Exception {
    stack = new LocalStack(home, List.of(new Sleeper("only", Set.of())), progress::add);
    stack.up(Map.of(), true);
    long pid = pidOf(home, "only");

    stack.up(Map.of(), false);

    assertThat(pidOf(home, "only")).isEqualTo(pid);
    assertThat(progress).contains("only already running");
    stack.down();
  }

  @Test
  void aServerThatExitsFailsTheStartWithItsLogAndStopsTheOthers(@TempDir Path home)
      throws Exception {
    stack =
        new LocalStack(
            home, List.of(new Sleeper("steady", Set.of()), new Crasher("broken")), progress::add);

    assertThatThrownBy(() -> stack.up(Map.of(), true))
        .hasMessageContaining("broken exited during start")
        .hasMessageContaining("disk on fire");
    assertThat(stack.status().values()).containsOnly("stopped");
  }

  private int lineStarting(String prefix) {
    for (int i = 0; i < progress.size(); i++) {
      if (progress.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no progress line starts with '" + prefix + "': " + progress);
  }

  private static long pidOf(Path home, String service) throws Exception {
    return Long.parseLong(Files.readString(home.resolve(service).resolve("pid")).split(" ")[0]);
  }

  /** A "server" that runs until stopped and is healthy once its process lives. */
  private record Sleeper(String name, Set<String> dependsOn) implements LocalService {
    @Override
    public Map<String, Integer> defaultPorts() {
      return Map.of("http", 1);
    }

    @Override
    public List<String> command(ServiceContext ctx) {
      return List.of("sleep", "300");
    }

    @Override
    public boolean isHealthy(ServiceContext ctx) {
      return true;
    }

    @Override
    public List<String> statusDetails(ServiceContext ctx) {
      return List.of(name + " is asleep");
    }

    @Override
    public Map<String, String> endpoints(ServiceContext ctx) {
      return Map.of(name + ".url", "http://127.0.0.1:" + ctx.port("http"));
    }
  }

  /** A "server" that dies at once, saying why. */
  private record Crasher(String name) implements LocalService {
    @Override
    public Map<String, Integer> defaultPorts() {
      return Map.of();
    }

    @Override
    public List<String> command(ServiceContext ctx) {
      return List.of("sh", "-c", "echo disk on fire; exit 3");
    }

    @Override
    public boolean isHealthy(ServiceContext ctx) {
      return false;
    }

    @Override
    public Map<String, String> endpoints(ServiceContext ctx) {
      return Map.of();
    }

    @Override
    public Duration startTimeout() {
      return Duration.ofSeconds(10);
    }
  }
}
