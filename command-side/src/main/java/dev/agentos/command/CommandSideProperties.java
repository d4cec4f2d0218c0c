package dev.agentos.command;

import dev.agentos.schemas.streams.StreamIds;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the command side is configured with, under {@code agentos.*}; defaults match the ports
 * {@code ./agentos up} uses.
 *
 * @param kafka the Kafka cluster events are produced to
 * @param registry the schema registry the Avro serde registers with
 * @param ingest limits of {@code POST /v1/events}
 * @param publisher the copier of event-store events to Kafka
 * @param dedup the Kafka Streams stage from raw to canonical topics
 * @param bootstrap the first tenant's admin key
 * @param executions the resource limits of sandboxed runs
 * @param secrets the key that seals executions' environment values
 */
@ConfigurationProperties("agentos")
public record CommandSideProperties(
    @DefaultValue Kafka kafka,
    @DefaultValue Registry registry,
    @DefaultValue Ingest ingest,
    @DefaultValue Publisher publisher,
    @DefaultValue Dedup dedup,
    @DefaultValue Bootstrap bootstrap,
    @DefaultValue Executions executions,
    @DefaultValue Secrets secrets) {

  public record Kafka(@DefaultValue("127.0.0.1:9092") String bootstrapServers) {}

  public record Registry(@DefaultValue("http://127.0.0.1:8081") String url) {}

  /**
   * @param maxEvents the most events one request may carry
   * @param maxBytes the largest request body accepted
   * @param ackTimeout how long Kafka may take to acknowledge a batch before its events are reported
   *     failed (the client then resends them with the same eventIds)
   */
  public record Ingest(
      @DefaultValue("1000") int maxEvents,
      @DefaultValue("5MB") DataSize maxBytes,
      @DefaultValue("30s") Duration ackTimeout) {}

  /**
   * @param enabled false only in tests that look at the event store alone
   * @param transactionalId fences an older publisher still running with the same id
   * @param maxBatch the most events one Kafka transaction carries
   * @param progressInterval how often a line reports the publishing rate and position
   * @param stuckAfter how long the publisher may stand at one position while the event store holds
   *     later events before its health indicator reports it DOWN
   */
  public record Publisher(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("agentos-command-publisher") String transactionalId,
      @DefaultValue("500") int maxBatch,
      @DefaultValue("10s") Duration progressInterval,
      @DefaultValue("2m") Duration stuckAfter) {}

  /**
   * @param enabled false where another process runs the stage
   * @param applicationId the Kafka Streams application id: every instance of the command side
   *     shares it, so they split the raw partitions between them
   * @param window how long an eventId is remembered; at least 24 h
   * @param stateDir where Kafka Streams keeps its local state; {@code agentos-dedup} in the
   *     system's temporary directory by default (it is rebuilt from Kafka when lost)
   */
  public record Dedup(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("agentos-dedup") String applicationId,
      @DefaultValue("24h") Duration window,
      String stateDir) {

    public Dedup {
      // Not a @DefaultValue: the binder does not resolve placeholders such as ${java.io.tmpdir}
      // there, and would hand over the literal text as a relative directory.
      if (stateDir == null || stateDir.isBlank()) {
        stateDir = Path.of(System.getProperty("java.io.tmpdir"), "agentos-dedup").toString();
      }
    }
  }

  /**
   * @param tenantId the first tenant, created on the first start; at most {@value
   *     StreamIds#MAX_TENANT_LENGTH} characters, so that a stream id holds it beside any id
   * @param projectId the admin key's project
   * @param adminKey a key to use instead of a generated one (it is stored only as its hash)
   * @param adminKeyFile where a generated key is written once, readable by its owner only
   * @param executorKeyFile where the executor's key is written, owner-only; unset, none is issued
   */
  public record Bootstrap(
      @DefaultValue("default") String tenantId,
      @DefaultValue("default") String projectId,
      String adminKey,
      String adminKeyFile,
      String executorKeyFile) {

    public Bootstrap {
      if (tenantId.isBlank() || tenantId.length() > StreamIds.MAX_TENANT_LENGTH) {
        throw new IllegalArgumentException(
            "agentos.bootstrap.tenant-id must be 1-"
                + StreamIds.MAX_TENANT_LENGTH
                + " characters: every aggregate's stream id holds it (docs/adr/0008-ids-per-tenant.md)");
      }
    }
  }

  /**
   * What a sandboxed run gets when its request names no limit, and the most a request may ask for;
   * the sandbox enforces them as hard limits. Durations are CPU or wall time, sizes bytes.
   *
   * @param defaultCpuTime CPU time summed over all cores, when the request names none
   * @param defaultMemory peak resident memory, when the request names none
   * @param defaultWallTimeout wall-clock time from start, when the request names none
   * @param defaultMaxOutput stdout plus stderr kept, when the request names none
   * @param maxCpuTime the most CPU time a request may ask for
   * @param maxMemory the most memory a request may ask for
   * @param maxWallTimeout the longest wall timeout a request may ask for
   * @param maxOutput the most output a request may ask to keep
   */
  public record Executions(
      @DefaultValue("10s") Duration defaultCpuTime,
      @DefaultValue("256MB") DataSize defaultMemory,
      @DefaultValue("30s") Duration defaultWallTimeout,
      @DefaultValue("1MB") DataSize defaultMaxOutput,
      @DefaultValue("60s") Duration maxCpuTime,
      @DefaultValue("2GB") DataSize maxMemory,
      @DefaultValue("300s") Duration maxWallTimeout,
      @DefaultValue("10MB") DataSize maxOutput) {}

  /**
   * @param keysetFile the Tink keyset (AES-256-GCM) that seals executions' environment values in
   *     PostgreSQL; made, readable by its owner only, when missing. Losing it loses the values of
   *     executions that have not started yet, nothing else. {@value #DEFAULT_KEYSET_FILE} in the
   *     working directory when unset; {@code ./agentos up} keeps it in the command side's data
   *     folder
   */
  public record Secrets(String keysetFile) {

    public static final String DEFAULT_KEYSET_FILE = "agentos-secrets-keyset.json";

    public Secrets {
      if (keysetFile == null || keysetFile.isBlank()) {
        keysetFile = DEFAULT_KEYSET_FILE;
      }
    }
  }
}
