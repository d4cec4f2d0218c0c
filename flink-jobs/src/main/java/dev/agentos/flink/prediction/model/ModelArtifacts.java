package dev.agentos.flink.prediction.model;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Stores trained models under a folder, one version each, never overwritten: {@code
 * <folder>/<tenant>/<model>/<version>/model.ubj}. A version is the training's UTC second and four
 * random hex digits ({@code 20261207T201500Z-3f9a}); its folder is created atomically, so a version
 * is unique per tenant and model even when two trainings start in the same second.
 */
public final class ModelArtifacts {

  /** XGBoost's UBJSON model format: smaller and faster to load than its JSON, as exact. */
  public static final String FILE_NAME = "model.ubj";

  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int ATTEMPTS = 16;

  private final Path folder;
  private final RandomGenerator random;

  /**
   * @param random picks the version's hex suffix
   */
  public ModelArtifacts(Path folder, RandomGenerator random) {
    this.folder = folder.toAbsolutePath().normalize();
    this.random = random;
  }

  /** A stored model: its version, where it is and the SHA-256 it must still have when loaded. */
  public record StoredArtifact(String version, URI uri, String sha256) {}

  /** Stores {@code model} as a new version of {@code tenantId}'s {@code modelName}. */
  public StoredArtifact store(String tenantId, String modelName, Instant trainedAt, byte[] model)
      throws IOException {
    Path versions = folder.resolve(segment(tenantId)).resolve(segment(modelName));
    Files.createDirectories(versions);
    String second = SECOND.format(trainedAt.truncatedTo(ChronoUnit.SECONDS));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String version = second + "-" + String.format("%04x", random.nextInt(0x10000));
      Path versionFolder = versions.resolve(version);
      try {
        Files.createDirectory(versionFolder);
      } catch (FileAlreadyExistsException taken) {
        continue;
      }
      Path file = versionFolder.resolve(FILE_NAME);
      // Written aside, then moved in: a reader never sees half a model under its final name.
      Path partial = Files.createTempFile(versionFolder, FILE_NAME, ".partial");
      Files.write(partial, model);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return new StoredArtifact(version, file.toUri(), sha256(model));
    }
    throw new IOException(
        "no free version of " + modelName + " in " + versions + " after " + ATTEMPTS + " tries");
  }

  /**
   * {@code name} as one path segment that cannot climb out of its folder or collide with another
   * name: letters, digits, {@code -} and {@code _} stay, every other byte of its UTF-8 becomes
   * {@code %XX} (so {@code ..}, {@code /} and {@code %} itself are encoded).
   */
  public static String segment(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an empty name cannot name a folder");
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /** SHA-256 of {@code bytes} in lower-case hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
