package dev.agentos.auth;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API-key authentication on every {@code /v1} endpoint of an application that imports this, with
 * {@link Caller} as a controller argument. The application provides a {@link JdbcTemplate} on the
 * database that holds {@code api_key} and a {@link Clock}. An application whose authenticated
 * endpoints live elsewhere (the projections' {@code /admin}) names them in {@code
 * agentos.auth.path-patterns}. The same endpoints have their {@link ContextIds} checked.
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyAuthConfiguration {

  @Bean
  public ApiKeyDirectory apiKeyDirectory(JdbcTemplate jdbc) {
    return new ApiKeyDirectory(jdbc);
  }

  @Bean
  public WebMvcConfigurer apiKeyAuthentication(
      ApiKeyDirectory directory,
      Clock clock,
      @Value("${agentos.auth.path-patterns:/v1/**}") String[] pathPatterns) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry
            .addInterceptor(new ApiKeyInterceptor(directory, clock))
            .addPathPatterns(pathPatterns);
        registry.addInterceptor(new ContextIds()).addPathPatterns(pathPatterns);
      }

      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }
}
