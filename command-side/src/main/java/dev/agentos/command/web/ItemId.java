package dev.agentos.command.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id a client may choose (agent, project, memory, context, execution…): 1 to 128 characters that
 * are safe in a URL path and a Kafka key. One definition, so every id accepts the same.
 */
@Documented
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Pattern(
    regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}",
    message = "must be 1-128 of A-Z a-z 0-9 . _ : -")
public @interface ItemId {

  /** Also published in the OpenAPI document by {@link OpenApiConfig}. */
  String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

  String message() default "must be 1-128 of A-Z a-z 0-9 . _ : -";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
