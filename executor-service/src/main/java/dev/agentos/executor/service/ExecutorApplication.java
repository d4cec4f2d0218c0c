package dev.agentos.executor.service;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The executor: runs what agents ask to run, each request in a sandbox of its own (module
 * executor), and records the outcomes through the command side's API with a key of the EXECUTOR
 * scope; it writes no event itself. Its own HTTP API says what it can run ({@code GET
 * /v1/runtimes}) and streams the output of the runs it has ({@code GET
 * /v1/executions/{id}/output}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExecutorApplication {

  /** Its configuration is {@code executor.yml}, as the query side's is {@code query-side.yml}. */
  static final String CONFIG_NAME = "executor";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@link #main} runs it, for tests that start it in their own JVM. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(ExecutorApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }
}
