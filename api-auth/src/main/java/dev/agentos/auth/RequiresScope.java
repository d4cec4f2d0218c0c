package dev.agentos.auth;

import dev.agentos.events.agents.ApiKeyScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a caller's key needs for an endpoint; {@link ApiKeyInterceptor} answers 403 without it.
 * Every {@code /v1} endpoint carries one, so none is open by omission.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {
  ApiKeyScope value();
}
