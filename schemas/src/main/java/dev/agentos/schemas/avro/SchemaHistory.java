package dev.agentos.schemas.avro;

import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every schema any AgentOS event was ever written with: each released version kept in {@code
 * schema-baselines/<full name>/v<N>.avsc} (self-contained, so it parses after its types changed),
 * and the current one. A reader that finds the writer's schema by its fingerprint (Axon's event
 * store) needs the old ones to read events stored before a schema evolved.
 */
public final class SchemaHistory {

  static final String FOLDER = "schema-baselines";

  private SchemaHistory() {}

  /** One schema per parsing fingerprint, which is how readers look them up. */
  public static List<Schema> everyVersion() {
    Map<Long, Schema> byFingerprint = new LinkedHashMap<>();
    for (Class<? extends SpecificRecord> type : eventTypes()) {
      List<Schema> versions = new ArrayList<>(releasedVersions(type.getName()));
      versions.add(SpecificData.get().getSchema(type));
      for (Schema schema : versions) {
        byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema);
      }
    }
    return List.copyOf(byFingerprint.values());
  }

  /** The released versions of the record named {@code fullName}, oldest first. */
  static List<Schema> releasedVersions(String fullName) {
    List<Schema> versions = new ArrayList<>();
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    for (int v = 1; ; v++) {
      try (InputStream file =
          loader.getResourceAsStream(FOLDER + "/" + fullName + "/v" + v + ".avsc")) {
        if (file == null) {
          return versions;
        }
        versions.add(new Schema.Parser().parse(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Set<Class<? extends SpecificRecord>> eventTypes() {
    Set<Class<? extends SpecificRecord>> types = new LinkedHashSet<>();
    for (Topic<?, ?> topic : Topics.all()) {
      types.addAll(topic.eventTypes());
    }
    return types;
  }
}
