package dev.agentos.executor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every runtime installed where the sandbox sees it runs a program in it. */
class RuntimesIT {

  private static final Map<Language, String> HELLO =
      Map.of(
          Language.PYTHON, "print('hello from python')",
          Language.NODE, "console.log('hello from node')",
          Language.JAVA,
              "public class Main { public static void main(String[] a) {"
                  + " System.out.println(\"hello from java\"); } }",
          Language.SHELL, "echo hello from sh",
          Language.GO,
              "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello from go\") }\n",
          Language.RUST, "fn main() { println!(\"hello from rust\"); }\n");

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
  void eachInstalledRuntimeRunsHelloWorld() {
    List<Runtime> runtimes = Runtimes.detect();
    assertThat(runtimes)
        .extracting(Runtime::language)
        .as("python3 and sh are on every machine AgentOS runs on")
        .contains(Language.PYTHON, Language.SHELL);

    for (Runtime runtime : runtimes) {
      System.out.printf(
          "%s: %s (%s)%n", runtime.language().id(), runtime.version(), runtime.executable());
      SandboxResult result =
          sandbox.runner.run(runtime.request(HELLO.get(runtime.language()), Limits.defaults()));

      assertThat(result.succeeded()).as("%s: %s", runtime, result).isTrue();
      assertThat(result.stdout().text().strip())
          .as("%s", runtime)
          .isEqualTo("hello from " + runtime.language().id());
      assertThat(LeftBehind.workFolders(sandbox.workRoot)).isEmpty();
    }
  }

  @Test
  void aFailingProgramGivesItsExitCodeAndStderr() {
    SandboxResult result =
        sandbox.runner.run(
            sandbox.python.request(
                "import sys\nprint('about to fail')\nraise SystemExit('it failed')",
                Limits.defaults()));

    assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout().text()).isEqualTo("about to fail\n");
    assertThat(result.stderr().text()).isEqualTo("it failed\n");
  }

  @Test
  void aProgramReadsItsStdinAndTheListenerHearsItsOutputAsItComes() {
    ByteArrayOutputStream heard = new ByteArrayOutputStream();
    SandboxRequest request =
        sandbox
            .python
            .request(
                "import sys\nfor line in sys.stdin:\n    print(line.strip().upper(), flush=True)",
                Limits.defaults())
            .withStdin("one\ntwo\n");
    SandboxResult result =
        sandbox.runner.run(
            request,
            (channel, chunk) -> {
              if (channel == OutputListener.Channel.STDOUT) {
                heard.writeBytes(chunk);
              }
            });

    assertThat(result.stdout().text()).isEqualTo("ONE\nTWO\n");
    assertThat(heard.toString(StandardCharsets.UTF_8)).isEqualTo("ONE\nTWO\n");
  }
}
