package dev.agentos.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchMainTest {

  @Test
  void everyBenchmarkExplainsItselfWithHelp() {
    CommandLine bench = new CommandLine(new BenchMain());
    assertThat(bench.getSubcommands()).isNotEmpty();
    for (String name : bench.getSubcommands().keySet()) {
      StringWriter help = new StringWriter();
      CommandLine command = new CommandLine(new BenchMain()).setOut(new PrintWriter(help));

      int exit = command.execute(name, "--help");

      assertThat(exit).as(name).isZero();
      assertThat(help.toString()).as(name).startsWith("Usage: bench " + name).contains("--home");
    }
  }
}
