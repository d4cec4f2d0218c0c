package dev.agentos.command.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The characters of a map's keys and values together are at most {@link #value()}: a bound on the
 * whole, where {@code @Size} on the entries bounds each one (e.g. a working directory's files).
 */
@Documented
@Constraint(validatedBy = MaxTotalLength.Check.class)
@Target({METHOD, FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface MaxTotalLength {

  int value();

  String message() default "keys and values together must be at most {value} characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Sums the lengths; null keys and values count nothing (their own constraints name them). */
  class Check implements ConstraintValidator<MaxTotalLength, Map<String, String>> {
    private int max;

    @Override
    public void initialize(MaxTotalLength constraint) {
      max = constraint.value();
    }

    @Override
    public boolean isValid(Map<String, String> map, ConstraintValidatorContext context) {
      return map == null || totalLength(map) <= max;
    }

    /** The characters of every key and value of {@code map}. */
    public static long totalLength(Map<String, String> map) {
      long total = 0;
      for (Map.Entry<String, String> entry : map.entrySet()) {
        total += entry.getKey() == null ? 0 : entry.getKey().length();
        total += entry.getValue() == null ? 0 : entry.getValue().length();
      }
      return total;
    }
  }
}
