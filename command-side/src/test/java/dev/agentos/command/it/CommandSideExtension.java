package dev.agentos.command.it;

import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests the running command side: {@code @ExtendWith({LocalStackExtension.class,
 * CommandSideExtension.class})} and take a {@link RunningCommandSide} parameter. The application
 * starts once per test JVM, on the stack {@link LocalStackExtension} provides.
 */
public final class CommandSideExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(CommandSideExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningCommandSide.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    StackEndpoints stack =
        (StackEndpoints) new LocalStackExtension().resolveParameter(parameter, context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            Started.class,
            // No publisher: on a stack ./agentos up runs, one under the default transactional id
            // would fence the stack's own. PublisherIT starts its own, under an id of its own.
            key ->
                new Started(RunningCommandSide.start(stack, "--agentos.publisher.enabled=false")),
            Started.class)
        .app();
  }

  private record Started(RunningCommandSide app) implements CloseableResource {
    @Override
    public void close() {
      app.close();
    }
  }
}
