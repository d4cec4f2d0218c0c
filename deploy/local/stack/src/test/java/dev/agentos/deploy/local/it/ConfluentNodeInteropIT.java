package dev.agentos.deploy.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.deploy.local.StackEndpoints;
import dev.agentos.deploy.local.junit.LocalStackExtension;
import dev.agentos.schemas.registry.RegistryAvroDeserializer;
import dev.agentos.schemas.registry.RegistryAvroSerializer;
import dev.agentos.schemas.registry.RegistrySerdeConfig;
import dev.agentos.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Confluent's own Node client ({@code @confluentinc/schemaregistry}, pinned in
 * src/test/node/package.json) against the stack's registry, exchanging bytes with our Java serde in
 * both directions: what one writes, the other reads. The Node side is installed with {@code npm ci}
 * into target/node-interop, once per lock file.
 */
@ExtendWith(LocalStackExtension.class)
class ConfluentNodeInteropIT {

  static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src/test/node");
  static final Path WORK = Path.of(System.getProperty("basedir", "."), "target/node-interop");
  static final List<String> FILES = List.of("package.json", "package-lock.json", "interop.mjs");
  static final ObjectMapper JSON = new ObjectMapper();

  static final Schema JAVA_GREETING =
      SchemaBuilder.record("JavaGreeting")
          .namespace("dev.agentos.interop")
          .fields()
          .requiredString("text")
          .requiredInt("count")
          .name("tags")
          .type()
          .array()
          .items()
          .stringType()
          .noDefault()
          .optionalString("note")
          .endRecord();

  @BeforeAll
  static void installConfluentsNodeClient() throws Exception {
    assumeTrue(
        run(List.of("node", "--version"), Path.of("."), Duration.ofSeconds(20)).exitCode == 0,
        "node is not on PATH: this test needs Node 20 and npm");
    Files.createDirectories(WORK);
    Path stamp = WORK.resolve("node_modules/.installed-lock.json");
    boolean upToDate =
        Files.exists(stamp) && Files.mismatch(stamp, SOURCES.resolve("package-lock.json")) == -1;
    for (String file : FILES) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!upToDate) {
      Result npm =
          run(
              List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
              WORK,
              Duration.ofMinutes(5));
      assertThat(npm.exitCode).as("npm ci failed:\n%s", npm.output).isZero();
      Files.copy(SOURCES.resolve("package-lock.json"), stamp, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void nodeAndJavaReadEachOthersRecords(StackEndpoints stack) throws Exception {
    String url = stack.schemaRegistryUrl();
    String topic = "interop-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> config =
        Map.of(
            RegistrySerdeConfig.SCHEMA_REGISTRY_URL,
            url,
            RegistrySerdeConfig.SPECIFIC_AVRO_READER,
            false);
    GenericRecord fromJava = new GenericData.Record(JAVA_GREETING);
    fromJava.put("text", "hello from java");
    fromJava.put("count", 7);
    fromJava.put("tags", List.of("x", "y"));
    fromJava.put("note", null);
    try (RegistryAvroSerializer<GenericRecord> serializer = new RegistryAvroSerializer<>()) {
      serializer.configure(config, false);
      Files.write(WORK.resolve("java-to-node.bin"), serializer.serialize(topic, fromJava));
    }
    Files.deleteIfExists(WORK.resolve("node-to-java.bin"));
    Files.deleteIfExists(WORK.resolve("node-result.json"));

    Result node =
        run(
            List.of("node", "interop.mjs", url, topic, WORK.toAbsolutePath().toString()),
            WORK,
            Duration.ofSeconds(90));

    assertThat(node.exitCode).as("node interop.mjs failed:\n%s", node.output).isZero();
    JsonNode result = JSON.readTree(WORK.resolve("node-result.json").toFile());
    // (b) Confluent's AvroDeserializer read what our serializer wrote.
    assertThat(result.get("decodedFromJava"))
        .isEqualTo(
            JSON.readTree(
                "{\"text\":\"hello from java\",\"count\":7,\"tags\":[\"x\",\"y\"],\"note\":null}"));
    // (a) Our deserializer reads what Confluent's AvroSerializer wrote, under the id it registered.
    String subject = topic + "-dev.agentos.interop.NodeGreeting";
    assertThat(result.get("subject").asText()).isEqualTo(subject);
    int id = result.get("registeredId").asInt();
    assertThat(result.get("writtenSchemaId").asInt()).isEqualTo(id);
    assertThat(SchemaRegistryClient.connect(url).getLatest(subject).id()).isEqualTo(id);
    try (RegistryAvroDeserializer<GenericRecord> deserializer = new RegistryAvroDeserializer<>()) {
      deserializer.configure(config, false);
      GenericRecord fromNode =
          deserializer.deserialize(topic, Files.readAllBytes(WORK.resolve("node-to-java.bin")));
      assertThat(fromNode.getSchema().getFullName()).isEqualTo("dev.agentos.interop.NodeGreeting");
      assertThat(fromNode.get("text").toString()).isEqualTo("hello from node");
      assertThat(fromNode.get("count")).isEqualTo(42);
      assertThat(fromNode.get("tags").toString()).isEqualTo("[a, b]");
      assertThat(fromNode.get("note").toString()).isEqualTo("with a note");
    }
  }

  record Result(int exitCode, String output) {}

  /** Runs a command with a time limit; its output (stdout and stderr) is kept for messages. */
  static Result run(List<String> command, Path dir, Duration timeout) throws IOException {
    Path log = Files.createTempFile("node-interop", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeout + ":\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command, e);
    } catch (IOException e) {
      return new Result(-1, "cannot run " + command + ": " + e.getMessage());
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
