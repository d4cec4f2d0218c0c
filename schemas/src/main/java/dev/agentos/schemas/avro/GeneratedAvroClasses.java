package dev.agentos.schemas.avro;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro load the classes that avro-maven-plugin generates. Since 1.11.4 Avro refuses to load
 * any class named by a schema unless it is on a trust list (by default only java.lang boxes and
 * java.math), which would make every specific read of our own events fail. Trusting by what a class
 * is rather than by package keeps the protection against gadget classes: Avro loads the class
 * without initialising it, and only generated records, enums and fixeds pass.
 *
 * <p>The registry deserializer calls {@link #trust()} itself; anything else that reads or copies
 * generated records (projections, Flink jobs, Kafka Streams serdes) calls it once at start-up.
 */
public final class GeneratedAvroClasses {

  private static final ClassSecurityPredicate GENERATED =
      type ->
          SpecificRecord.class.isAssignableFrom(type)
              || GenericEnumSymbol.class.isAssignableFrom(type)
              || GenericFixed.class.isAssignableFrom(type);

  private static boolean trusted;

  private GeneratedAvroClasses() {}

  /** Adds generated classes to Avro's JVM-wide trust list, once, keeping what was trusted. */
  public static synchronized void trust() {
    if (!trusted) {
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), GENERATED));
      trusted = true;
    }
  }
}
