package dev.agentos.query.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests the running query side: {@code @ExtendWith({LocalStackExtension.class,
 * QuerySideExtension.class})} and take a {@link RunningQuerySide} parameter. The application starts
 * once per test JVM, on the stack {@link LocalStackExtension} provides.
 */
public final class QuerySideExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(QuerySideExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningQuerySide.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    StackEndpoints stack =
        (StackEndpoints) new LocalStackExtension().resolveParameter(parameter, context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Started.class, key -> new Started(RunningQuerySide.start(stack)), Started.class)
        .app();
  }

  private record Started(RunningQuerySide app) implements CloseableResource {
    @Override
    public void close() {
      app.close();
    }
  }
}
