package dev.agentos.auth.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemJsonErrorReportValve} in place of every error report valve of the embedded
 * Tomcat's host (Spring Boot adds one that writes HTML), so that what Tomcat answers itself is
 * problem+json too. Ordered last, so that it runs after Spring Boot's own customizer.
 */
public class TomcatProblemJson
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            // StandardHost adds a valve of this class on start unless one is there already.
            host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            host.getPipeline().addValve(new ProblemJsonErrorReportValve());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
