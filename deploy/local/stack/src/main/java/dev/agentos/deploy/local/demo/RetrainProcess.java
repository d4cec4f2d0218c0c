package dev.agentos.deploy.local.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code learning-jobs retrain} in a JVM of its own, on the learning jobs' classpath, as {@code
 * ./agentos retrain} runs it: a bounded Flink replay and XGBoost's native library belong in no
 * other process. Its table of models goes to the demo's output; its progress line and log go to a
 * file, whose tail is shown when it fails.
 */
public final class RetrainProcess implements Retrainer {

  private static final String MAIN_CLASS = "dev.agentos.flink.runner.LearningJobsCli";

  private final String classpath;
  private final String bootstrapServers;
  private final String registryUrl;
  private final Path models;
  private final PrintStream out;

  /**
   * @param models where the trained models are stored ({@code <home>/models} for the stack)
   */
  public RetrainProcess(
      String classpath, String bootstrapServers, String registryUrl, Path models, PrintStream out) {
    this.classpath = classpath;
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.models = models;
    this.out = out;
  }

  @Override
  public void retrain() throws IOException, InterruptedException {
    Files.createDirectories(models);
    Path log = Files.createTempFile("agentos-retrain-", ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                classpath,
                MAIN_CLASS,
                "retrain",
                "--bootstrap-servers",
                bootstrapServers,
                "--registry-url",
                registryUrl,
                "--models",
                models.toString())
            .redirectError(log.toFile())
            .start();
    try (BufferedReader table =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      table.lines().forEach(line -> out.println("  " + line));
    }
    int exit = process.waitFor();
    if (exit != 0) {
      List<String> lines = Files.readAllLines(log);
      throw new IllegalStateException(
          "retrain exited with "
              + exit
              + "; the end of its log ("
              + log
              + "):\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
    Files.deleteIfExists(log);
  }
}
