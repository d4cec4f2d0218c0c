package dev.agentos.auth;

import dev.agentos.auth.json.StrictJson;
import dev.agentos.auth.web.ProblemJsonErrorController;
import dev.agentos.auth.web.TomcatProblemJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the two HTTP APIs share beyond their API keys: JSON read strictly ({@link StrictJson}) and
 * every refusal as problem+json, including those Tomcat gives before Spring MVC runs ({@link
 * TomcatProblemJson}) and those that reach Spring Boot's {@code /error} page.
 */
@Configuration(proxyBeanMethods = false)
@Import({ApiKeyAuthConfiguration.class, StrictJson.class})
public class HttpApiConfiguration {

  @Bean
  TomcatProblemJson tomcatProblemJson() {
    return new TomcatProblemJson();
  }

  @Bean
  ProblemJsonErrorController problemJsonErrorController() {
    return new ProblemJsonErrorController();
  }
}
