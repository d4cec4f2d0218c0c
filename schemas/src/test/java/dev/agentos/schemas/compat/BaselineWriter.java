package dev.agentos.schemas.compat;

import dev.agentos.schemas.topics.GeneratedRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Records the current schema of every event as its next baseline version when it has none yet or
 * differs from its latest one. Run it once a schema change is final, and commit the files:
 *
 * <pre>
 * ./mvnw -B -q -pl schemas test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *     -Dexec.mainClass=dev.agentos.schemas.compat.BaselineWriter -Dexec.classpathScope=test
 * </pre>
 *
 * It refuses to record a schema that breaks BACKWARD compatibility: a baseline written over a
 * broken change would hide it.
 */
public final class BaselineWriter {

  private BaselineWriter() {}

  public static void main(String[] args) throws IOException {
    SchemaBaselines baselines = new SchemaBaselines(sourceFolder(args));
    for (Class<?> event : GeneratedRecords.events()) {
      Schema current = GeneratedRecords.schemaOf(event);
      List<Schema> versions = baselines.versions(current.getFullName());
      if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(current)) {
        continue;
      }
      for (Schema earlier : versions) {
        List<String> problems = BackwardCheck.violations(current, earlier);
        if (!problems.isEmpty()) {
          throw new IllegalStateException("not recording an incompatible schema: " + problems);
        }
      }
      System.out.println("wrote " + baselines.addVersion(current));
    }
  }

  /** src/main/resources/schema-baselines, from the repository root or the module folder. */
  private static Path sourceFolder(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    Path fromModule = Path.of("src/main/resources", SchemaBaselines.FOLDER);
    Path fromRoot = Path.of("schemas").resolve(fromModule);
    return Files.isDirectory(Path.of("schemas/src")) ? fromRoot : fromModule;
  }
}
