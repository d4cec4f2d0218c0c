package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Each limit stops a program that runs away, with the outcome that names the limit, quickly, and
 * with nothing of it left. The limits are small (64 processes, 256 MiB) so that the bombs cost the
 * shared machine little.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxLimitsIT {

  private static final long MIB = 1024 * 1024;
  private static final Limits SMALL =
      Limits.defaults()
          .withMaxProcesses(64)
          .withMemoryBytes(256 * MIB)
          .withCpuTime(Duration.ofSeconds(5))
          .withWallTime(Duration.ofSeconds(20));

  SandboxFixture sandbox;

  @BeforeAll
  void startRunner() {
    sandbox = new SandboxFixture(cgroups());
  }

  @AfterAll
  void removeWorkRoot() throws IOException {
    sandbox.close();
  }

  /** Whether the runner may use cgroups where this machine allows them. */
  boolean cgroups() {
    return true;
  }

  @Test
  void aForkBombIsRefusedProcessesPastTheLimit() {
    String marker = SandboxFixture.marker();
    String body =
        """
        import time
        forked = 0
        try:
            while True:
                if os.fork() == 0:
                    while True:
                        try:
                            os.fork()
                        except OSError:
                            time.sleep(0.05)
                forked += 1
        except OSError as e:
            print('refused after', forked, e.strerror, flush=True)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL);

    assertThat(result.succeeded()).as("%s", result).isTrue();
    Matcher refused = Pattern.compile("refused after (\\d+)").matcher(result.stdout().text());
    assertThat(refused.find()).as("%s", result).isTrue();
    assertThat(Integer.parseInt(refused.group(1))).isLessThan(64);
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(10));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aMemoryBombGetsNoMoreThanTheLimit() {
    String marker = SandboxFixture.marker();
    String body =
        """
        chunks = []
        try:
            while True:
                chunks.append(b'x' * (16 * 1024 * 1024))
                print('holding', len(chunks) * 16, 'MiB', flush=True)
        except MemoryError:
            print('stopped at', len(chunks) * 16, 'MiB', flush=True)
            sys.exit(3)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL);

    Matcher held = Pattern.compile("holding (\\d+) MiB").matcher(result.stdout().text());
    int most = 0;
    while (held.find()) {
      most = Integer.parseInt(held.group(1));
    }
    assertThat(most).as("%s", result).isLessThanOrEqualTo(256);
    if (sandbox.runner.isolation().limits().startsWith("cgroups")) {
      // The memory cgroup's OOM killer ends it; the cgroup tells how much it held at most.
      assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.MEMORY);
      assertThat(result.peakMemoryBytes()).isPresent();
      assertThat(result.peakMemoryBytes().getAsLong()).isLessThanOrEqualTo(256 * MIB);
    } else {
      // RLIMIT_DATA refuses the allocation: Python raises MemoryError.
      assertThat(result.stdout().text()).contains("stopped at");
      assertThat(result.exitCode()).isEqualTo(3);
    }
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void anInfiniteLoopIsEndedAtTheCpuLimit() {
    String marker = SandboxFixture.marker();
    SandboxResult result =
        sandbox.python("while True:\n    pass", marker, SMALL.withCpuTime(Duration.ofSeconds(1)));

    assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.CPU_TIME);
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(8));
    result
        .cpuTime()
        .ifPresent(cpu -> assertThat(cpu).isBetween(Duration.ofMillis(900), Duration.ofSeconds(3)));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aLoopIgnoringSigxcpuIsKilledASecondPastTheCpuLimit() {
    String marker = SandboxFixture.marker();
    String body =
        """
        import signal
        signal.signal(signal.SIGXCPU, signal.SIG_IGN)
        while True:
            pass
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL.withCpuTime(Duration.ofSeconds(1)));

    assertThat(result.exitCode()).as("%s", result).isEqualTo(128 + 9);
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(8));
    // The cgroup's cpu time shows the limit was reached; without it, a SIGKILL is only a signal.
    assertThat(result.outcome())
        .as("%s", result)
        .isEqualTo(result.cpuTime().isPresent() ? Outcome.CPU_TIME : Outcome.SIGNALED);
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aProgramExitingWithTheCpuSignalsCodeIsNotTakenForTheLimitWhereCpuIsMeasured() {
    String marker = SandboxFixture.marker();
    SandboxResult result = sandbox.python("sys.exit(128 + 24)", marker, SMALL);

    assertThat(result.exitCode()).isEqualTo(152);
    assertThat(result.outcome())
        .as("%s", result)
        .isEqualTo(result.cpuTime().isPresent() ? Outcome.SIGNALED : Outcome.CPU_TIME);
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void anOutputFloodIsKilledAtTheOutputLimitAndKeptToIt() {
    String marker = SandboxFixture.marker();
    SandboxResult result =
        sandbox.python(
            "while True:\n    sys.stdout.write('x' * 1000)",
            marker,
            SMALL.withMaxOutputBytes(64 * 1024));

    assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.OUTPUT_LIMIT);
    assertThat(result.stdout().truncated()).isTrue();
    assertThat(result.stdout().size() + result.stderr().size()).isEqualTo(64 * 1024);
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(10));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aSleepPastTheWallLimitIsKilled() {
    String marker = SandboxFixture.marker();
    SandboxResult result =
        sandbox.python(
            "import time\ntime.sleep(60)", marker, SMALL.withWallTime(Duration.ofSeconds(1)));

    assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.WALL_TIME);
    assertThat(result.timedOut()).isTrue();
    assertThat(result.wallTime()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aProcessIgnoringSigtermIsKilledAllTheSame() {
    String marker = SandboxFixture.marker();
    String body =
        """
        import signal, time
        for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(s, signal.SIG_IGN)
        while True:
            time.sleep(0.1)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL.withWallTime(Duration.ofSeconds(1)));

    assertThat(result.outcome()).as("%s", result).isEqualTo(Outcome.WALL_TIME);
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(5));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aChildEscapingIntoTheBackgroundEndsWithTheProgram() {
    String marker = SandboxFixture.marker();
    String body =
        """
        import signal, time, subprocess
        if os.fork() == 0:
            os.setsid()
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            if os.fork() == 0:
                time.sleep(300)
            os._exit(0)
        subprocess.Popen(['setsid', 'nohup', sys.executable, '-c', 'import time; time.sleep(300)',
                          sys.argv[1]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
        time.sleep(0.5)
        print('left children behind', flush=True)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL);

    assertThat(result.succeeded()).as("%s", result).isTrue();
    assertThat(result.stdout().text()).contains("left children behind");
    assertThat(result.wallTime()).isLessThan(Duration.ofSeconds(5));
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void aFileIsWrittenNoLargerThanTheLimit() {
    String marker = SandboxFixture.marker();
    String body =
        """
        try:
            with open('big', 'wb') as f:
                for _ in range(4):
                    f.write(b'x' * 1024 * 1024)
            print('wrote', os.path.getsize('big'))
        except OSError as e:
            print('refused at', os.path.getsize('big'), e.strerror)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL.withMaxFileBytes(MIB));

    // Python ignores SIGXFSZ, so it sees the write fail rather than being ended by the signal.
    assertThat(result.stdout().text()).contains("refused at 1048576 File too large");
    sandbox.assertNothingLeft(result, marker);
  }

  @Test
  void filesOpenedPastTheLimitAreRefused() {
    String marker = SandboxFixture.marker();
    String body =
        """
        held = []
        try:
            while True:
                held.append(open('/proc/self/status'))
        except OSError as e:
            print('refused after', len(held), e.strerror)
        """;
    SandboxResult result = sandbox.python(body, marker, SMALL.withMaxOpenFiles(32));

    Matcher refused = Pattern.compile("refused after (\\d+)").matcher(result.stdout().text());
    assertThat(refused.find()).as("%s", result).isTrue();
    assertThat(Integer.parseInt(refused.group(1))).isLessThan(32);
    sandbox.assertNothingLeft(result, marker);
  }
}
