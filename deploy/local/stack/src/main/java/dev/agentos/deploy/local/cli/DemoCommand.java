package dev.agentos.deploy.local.cli;

import dev.agentos.deploy.local.LocalStack;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.demo.DemoSession;
import dev.agentos.deploy.local.demo.RetrainProcess;
import dev.agentos.deploy.local.service.CommandSideService;
import dev.agentos.deploy.local.service.FlinkJobsService;
import dev.agentos.deploy.local.service.QuerySideService;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./agentos demo}: plays a small agent session against the running stack. */
@Command(
    name = "demo",
    description = "Posts a small, realistic agent session to the running AgentOS and prints it.")
final class DemoCommand implements Callable<Integer> {

  @ParentCommand AgentOsCli cli;

  @Option(
      names = "--admin-key",
      defaultValue = "${env:AGENTOS_ADMIN_KEY}",
      description = "An admin key (default: $AGENTOS_ADMIN_KEY, else <home>/admin-key).")
  String adminKey;

  @Override
  public Integer call() throws Exception {
    Path home = cli.home;
    Path endpointsFile = home.resolve(LocalStack.PROPERTIES_FILE);
    if (!Files.isRegularFile(endpointsFile)) {
      throw new IllegalStateException("no stack at " + home + ": run ./agentos up first");
    }
    Properties endpoints = new Properties();
    try (Reader reader = Files.newBufferedReader(endpointsFile)) {
      endpoints.load(reader);
    }
    String url = endpoints.getProperty(CommandSideService.URL);
    if (url == null) {
      throw new IllegalStateException("the stack at " + home + " runs no command side");
    }
    String key = adminKey;
    if (key == null || key.isBlank()) {
      Path keyFile = CommandSideService.adminKeyFile(home);
      if (!Files.isRegularFile(keyFile)) {
        throw new IllegalStateException(
            "no admin key in " + keyFile + ": pass --admin-key or set AGENTOS_ADMIN_KEY");
      }
      key = Files.readString(keyFile).strip();
    }
    System.out.println("AgentOS demo against " + url);
    DemoSession session =
        new DemoSession(
            url,
            endpoints.getProperty(QuerySideService.URL),
            endpoints.containsKey(FlinkJobsService.REST_URL),
            key,
            System.out);
    String learningJobs = System.getProperty(AgentOsCli.LEARNING_JOBS_CLASSPATH);
    if (learningJobs != null && !learningJobs.isBlank()) {
      // What ./agentos retrain runs, with the models where it keeps them.
      session.withRetraining(
          new RetrainProcess(
              learningJobs,
              endpoints.getProperty(StackEndpoints.KAFKA_BOOTSTRAP_SERVERS),
              endpoints.getProperty(StackEndpoints.SCHEMA_REGISTRY_URL),
              home.resolve("models"),
              System.out));
    }
    session.run();
    System.out.println("demo finished: every call above was accepted by AgentOS.");
    return 0;
  }
}
