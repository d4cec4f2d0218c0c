package dev.agentos.command.dedup;

import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup stage: for every RAW topic of the topic registry, one sub-topology that reads it, drops
 * repeated event ids and writes the clean stream to the matching CANONICAL topic, with poison
 * records going to the dead-letter topic.
 */
public final class DeduplicationTopology {

  private DeduplicationTopology() {}

  public static Topology build(DeduplicationSettings settings, SchemaRegistryClient registry) {
    RegistryAvroDeserializer<Object> events = new RegistryAvroDeserializer<>(registry);
    events.configure(Map.of(), false);
    Serializer<Object> passThrough = (topic, value) -> (byte[]) value;
    RegistryAvroSerializer<Object> deadLetters = new RegistryAvroSerializer<>(registry);
    deadLetters.configure(Map.of(), false);

    // An id is looked up one window back from the record's time; keeping two windows also
    // catches a retry whose timestamp is older than the newest record of its partition.
    Duration kept = settings.window().multipliedBy(2);
    Topology topology = new Topology();
    for (Topic<String, ?> raw : Topics.raw()) {
      Topic<String, ?> canonical = Topics.canonicalFor(raw);
      String source = "read-" + raw.name();
      String processor = "dedup-" + raw.name();
      String store = "seen-event-ids-" + raw.name();
      String canonicalSink = "write-" + canonical.name();
      String deadLetterSink = "dead-letter-" + raw.name();
      topology.addSource(
          source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), raw.name());
      topology.addProcessor(
          processor,
          () ->
              new DeduplicationProcessor(
                  raw,
                  store,
                  canonicalSink,
                  deadLetterSink,
                  settings.applicationId(),
                  settings.window(),
                  events),
          source);
      topology.addStateStore(
          Stores.windowStoreBuilder(
              Stores.persistentWindowStore(store, kept, kept, false),
              Serdes.String(),
              Serdes.Long()),
          processor);
      topology.addSink(
          canonicalSink, canonical.name(), Serdes.String().serializer(), passThrough, processor);
      topology.addSink(
          deadLetterSink,
          Topics.DEAD_LETTERS.name(),
          Serdes.String().serializer(),
          deadLetters,
          processor);
    }
    return topology;
  }
}
