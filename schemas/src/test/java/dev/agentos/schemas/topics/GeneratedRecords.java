package dev.agentos.schemas.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Finds the record classes avro-maven-plugin generated, by walking the compiled {@code
 * dev.agentos.events} package. Tests use it instead of a hand-kept list, so a new schema cannot
 * slip past the topic and compatibility checks by being forgotten.
 */
public final class GeneratedRecords {

  private static final String PACKAGE = "dev.agentos.events";

  private GeneratedRecords() {}

  /** Every generated record class, sorted by full name. */
  public static List<Class<? extends SpecificRecordBase>> all() {
    List<Class<? extends SpecificRecordBase>> records = new ArrayList<>();
    for (Path root : packageRoots()) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(file -> file.toString().endsWith(".class") && !file.toString().contains("$"))
            .map(file -> PACKAGE + "." + className(root.relativize(file)))
            .map(GeneratedRecords::load)
            .filter(SpecificRecordBase.class::isAssignableFrom)
            .forEach(type -> records.add(type.asSubclass(SpecificRecordBase.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    records.sort(Comparator.comparing(Class::getName));
    return records;
  }

  /** The generated records that are events: those with a {@code header} field. */
  public static List<Class<? extends SpecificRecordBase>> events() {
    return all().stream().filter(type -> schemaOf(type).getField("header") != null).toList();
  }

  public static Schema schemaOf(Class<?> type) {
    try {
      return (Schema) type.getField("SCHEMA$").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not a generated Avro class", e);
    }
  }

  private static List<Path> packageRoots() {
    try {
      List<Path> roots = new ArrayList<>();
      var urls = GeneratedRecords.class.getClassLoader().getResources(PACKAGE.replace('.', '/'));
      for (URL url : Collections.list(urls)) {
        if (url.getProtocol().equals("file")) {
          roots.add(Paths.get(url.toURI()));
        }
      }
      if (roots.isEmpty()) {
        throw new IllegalStateException("no compiled " + PACKAGE + " directory on the classpath");
      }
      return roots;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String className(Path relative) {
    String path = relative.toString().replace(relative.getFileSystem().getSeparator(), ".");
    return path.substring(0, path.length() - ".class".length());
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, GeneratedRecords.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
