package dev.agentos.command.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.agentos.auth.Ids;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id a client may choose (agent, project, memory, context, execution…), by the rule {@link Ids}
 * also applies to the session and trace headers: one definition, so every id accepts the same.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Pattern(regexp = Ids.PATTERN, message = Ids.RULE)
public @interface ItemId {

  /** Also published in the OpenAPI document by {@link OpenApiConfig}. */
  String PATTERN = Ids.PATTERN;

  String message() default Ids.RULE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
