package dev.agentos.deploy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.deploy.registry.store.CompatibilitySet;
import dev.agentos.deploy.registry.store.RegistryRecordCodec;
import dev.agentos.deploy.registry.store.SchemaRegistered;
import dev.agentos.schemas.compat.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryRecordCodecTest {

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void registrationsAreKeyedBySubjectAndVersionAsConfluentDoes() {
    SchemaRegistered event = new SchemaRegistered("users", 2, 7, "\"string\"");

    assertThat(text(RegistryRecordCodec.key(event)))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"users\",\"version\":2,\"magic\":1}");
    assertThat(text(RegistryRecordCodec.value(event)))
        .isEqualTo(
            "{\"subject\":\"users\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    assertThat(
            RegistryRecordCodec.decode(
                RegistryRecordCodec.key(event), RegistryRecordCodec.value(event)))
        .contains(event);
  }

  @Test
  void levelsAreKeyedBySubjectOrNullForTheGlobalOne() {
    CompatibilitySet global = new CompatibilitySet(null, CompatibilityLevel.FULL);
    CompatibilitySet users = new CompatibilitySet("users", CompatibilityLevel.NONE);

    assertThat(text(RegistryRecordCodec.key(global)))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(text(RegistryRecordCodec.value(global)))
        .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(
            RegistryRecordCodec.decode(
                RegistryRecordCodec.key(global), RegistryRecordCodec.value(global)))
        .contains(global);
    assertThat(
            RegistryRecordCodec.decode(
                RegistryRecordCodec.key(users), RegistryRecordCodec.value(users)))
        .contains(users);
  }

  @Test
  void tombstonesDeletedVersionsAndForeignKeysAreSkipped() {
    byte[] key =
        "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] deleted =
        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\",\"deleted\":true}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);

    assertThat(RegistryRecordCodec.decode(key, null)).isEqualTo(Optional.empty());
    assertThat(RegistryRecordCodec.decode(key, deleted)).isEmpty();
    assertThat(RegistryRecordCodec.decode(noop, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
