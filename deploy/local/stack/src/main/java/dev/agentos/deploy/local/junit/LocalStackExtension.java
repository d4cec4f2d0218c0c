package dev.agentos.deploy.local.junit;

import dev.agentos.deploy.local.StackEndpoints;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a running stack: {@code @ExtendWith(LocalStackExtension.class)}, then
 * take a {@link StackEndpoints} parameter in a constructor, {@code @BeforeAll} or test method.
 *
 * <p>The stack starts once per test JVM and stops when the JVM's tests are done. {@code
 * AGENTOS_STACK} chooses how: {@code local} (default) starts fresh child processes on free ports
 * under {@code target/}; {@code external} uses a stack already up, read from {@code
 * AGENTOS_STACK_FILE} (default {@code .agentos/stack.properties}); {@code testcontainers} starts
 * containers where a Docker engine runs and otherwise skips the tests, saying why.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(LocalStackExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StackEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context).endpoints();
  }

  private static StartedStack stack(ExtensionContext context) {
    // The root store lives as long as the test JVM's run; it closes the stack at the end. A failed
    // start is remembered too, so the next test class reports it instead of starting again.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(StartAttempt.class, key -> StartAttempt.run(), StartAttempt.class)
        .stack();
  }

  /** The outcome of the one start per test JVM: a stack, or why there is none. */
  private record StartAttempt(StartedStack started, RuntimeException failure)
      implements CloseableResource {

    static StartAttempt run() {
      try {
        return new StartAttempt(StartedStack.start(), null);
      } catch (RuntimeException e) {
        return new StartAttempt(null, e);
      }
    }

    StartedStack stack() {
      if (failure != null) {
        throw failure;
      }
      return started;
    }

    @Override
    public void close() throws Exception {
      if (started != null) {
        started.close();
      }
    }
  }
}
