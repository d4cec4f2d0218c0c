package dev.agentos.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released versions of every event schema, one folder per record full name holding {@code
 * v1.avsc}, {@code v2.avsc}, ... Each file is self-contained (nested types inlined), so it still
 * parses after the types it used have changed or gone.
 */
final class SchemaBaselines {

  static final String FOLDER = "schema-baselines";
  private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]*)\\.avsc");

  private final Path root;

  SchemaBaselines(Path root) {
    this.root = root;
  }

  /** The baselines on the classpath (src/main/resources: the event store reads them too). */
  static SchemaBaselines onClasspath() {
    URL url = SchemaBaselines.class.getClassLoader().getResource(FOLDER);
    if (url == null) {
      throw new IllegalStateException(FOLDER + " is not on the test classpath");
    }
    try {
      return new SchemaBaselines(Paths.get(url.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Path root() {
    return root;
  }

  /** Full names of the records that have baselines. */
  List<String> recordNames() {
    try (Stream<Path> folders = Files.list(root)) {
      return folders
          .filter(Files::isDirectory)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Baselines of a record, oldest first; fails when the numbering has a gap. */
  List<Schema> versions(String recordName) {
    Path folder = root.resolve(recordName);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Schema> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      for (String name : names) {
        if (!VERSION.matcher(name).matches()) {
          throw new IllegalStateException(folder + " holds " + name + ", not a v<N>.avsc");
        }
      }
      for (int v = 1; v <= names.size(); v++) {
        Path file = folder.resolve("v" + v + ".avsc");
        if (!Files.exists(file)) {
          throw new IllegalStateException(folder + " has no v" + v + ".avsc: versions skip one");
        }
        // A fresh parser per file: each baseline defines its own copy of shared types.
        versions.add(new Schema.Parser().parse(Files.readString(file)));
      }
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the next version of a record's baseline and returns its file. */
  Path addVersion(Schema schema) throws IOException {
    Path folder = Files.createDirectories(root.resolve(schema.getFullName()));
    Path file = folder.resolve("v" + (versions(schema.getFullName()).size() + 1) + ".avsc");
    Files.writeString(file, schema.toString(true) + "\n");
    return file;
  }
}
