package dev.agentos.query;

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

  public static void main(String[] args) {
    SpringApplication.run(QuerySideApplication.class, args);
  }
}
