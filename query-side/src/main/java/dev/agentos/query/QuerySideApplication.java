package dev.agentos.query;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The read side of AgentOS: the HTTP query API over the read models the projections build
 * (Cassandra, Elasticsearch), with the same API keys and tenancy as the command side.
 *
 * <p>Each slice of the API (memories, contexts, search, history, …) is a controller in its own
 * package under {@code dev.agentos.query}; it takes the caller as a {@link dev.agentos.auth.Caller}
 * argument, declares its scope with {@link dev.agentos.auth.RequiresScope} and refuses bad input
 * with {@link dev.agentos.query.web.InvalidQueryException}: nothing else needs wiring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuerySideApplication {

  /**
   * Its configuration is {@code query-side.yml}, not {@code application.yml}: the read-path ITs run
   * it beside the projections' classes, whose {@code application.yml} it must not read.
   */
  static final String CONFIG_NAME = "query-side";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@link #main} runs it, for tests that start it in their own JVM. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(QuerySideApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }
}
