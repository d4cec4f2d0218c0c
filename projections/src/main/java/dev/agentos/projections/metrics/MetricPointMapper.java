package dev.agentos.projections.metrics;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.metrics.MetricRecorded;
import dev.agentos.projections.source.UnprocessableRecordException;
import dev.agentos.readmodels.metrics.InfluxNames;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Maps a {@link MetricRecorded} to its InfluxDB point: measurement = the metric name; tags = the
 * scope ({@value #TENANT}, {@value #PROJECT}, {@value #AGENT}, and {@value #SESSION} when the
 * sample belongs to a session) plus the metric's own tags; fields {@code value} and {@code
 * event_id}; time = when the sample was taken, in milliseconds.
 *
 * <p><b>Scope tags win a clash.</b> The scope comes from the event header, which the gateway fills
 * from the authenticated caller; the metric's tags are free-form client input. A metric tag named
 * like a scope tag, like a field, or {@code time} (which InfluxDB would discard the point for)
 * keeps its value under its name with the first character percent-encoded ({@code tenant_id}
 * becomes {@code %74enant_id}): it can neither move a sample into another tenant's series nor be
 * lost.
 *
 * <p>A tag with an empty value is left out: InfluxDB cannot store one, and reads a missing tag as
 * the empty string anyway. What InfluxDB cannot store at all (an empty name or tag key, a value
 * that is not finite, a time outside InfluxDB's range) is refused with {@link
 * UnprocessableRecordException}, so the record goes to the dead-letter topic with the reason at
 * once instead of being written wrong or stopping the batch.
 */
public final class MetricPointMapper {

  public static final String TENANT = "tenant_id";
  public static final String PROJECT = "project_id";
  public static final String AGENT = "agent_id";
  public static final String SESSION = "session_id";

  /**
   * The times InfluxDB can store, in the milliseconds points are written in: it keeps nanoseconds
   * since 1970 in a signed 64-bit integer (minus two reserved values), about 1677-09-21 to
   * 2262-04-11, and refuses the whole line otherwise ("time outside range").
   */
  static final Instant EARLIEST = Instant.ofEpochMilli(-9_223_372_036_854L);

  static final Instant LATEST = Instant.ofEpochMilli(9_223_372_036_854L);

  private static final Set<String> RESERVED =
      Set.of(
          TENANT,
          PROJECT,
          AGENT,
          SESSION,
          MetricPoint.VALUE_FIELD,
          MetricPoint.EVENT_ID_FIELD,
          "time");

  /** The point to write for one sample. */
  public MetricPoint toPoint(MetricRecorded metric) {
    EventHeader header = metric.getHeader();
    if (metric.getName().isEmpty()) {
      throw new UnprocessableRecordException("metric name is empty, event " + header.getEventId());
    }
    if (!Double.isFinite(metric.getValue())) {
      throw new UnprocessableRecordException(
          "metric value " + metric.getValue() + " is not finite, event " + header.getEventId());
    }
    Instant at = header.getOccurredAt();
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new UnprocessableRecordException(
          "header.occurredAt "
              + at
              + " is outside InfluxDB's time range ("
              + EARLIEST
              + " to "
              + LATEST
              + "), event "
              + header.getEventId());
    }

    SortedMap<String, String> tags = new TreeMap<>();
    for (Map.Entry<String, String> tag : metric.getTags().entrySet()) {
      if (tag.getKey().isEmpty()) {
        throw new UnprocessableRecordException(
            "metric tag key is empty, event " + header.getEventId());
      }
      String key = InfluxNames.name(tag.getKey());
      put(tags, RESERVED.contains(key) ? renamed(key) : key, tag.getValue());
    }
    // No metric tag holds a reserved key any more (renamed above), so nothing is overwritten.
    put(tags, TENANT, header.getTenantId());
    put(tags, PROJECT, header.getProjectId());
    put(tags, AGENT, header.getAgentId());
    if (header.getSessionId() != null) {
      put(tags, SESSION, header.getSessionId());
    }

    // event_id is a field, not a tag: one tag value per event would make every point its own
    // series. It does not need to be part of the point's identity for idempotency, because
    // InfluxDB keeps one point per measurement + tag set + timestamp and a second write replaces
    // the first: a redelivered event rewrites its own point with the same values, which is
    // harmless. The field shows which event a stored point came from. (Two different samples of
    // one series in the same millisecond share that identity too: the later write wins.)
    return new MetricPoint(
        InfluxNames.name(metric.getName()),
        tags,
        metric.getValue(),
        header.getEventId(),
        header.getOccurredAt().toEpochMilli());
  }

  private static void put(Map<String, String> tags, String key, String value) {
    if (!value.isEmpty()) {
      tags.put(key, InfluxNames.value(value));
    }
  }

  /** Reserved names are plain ASCII, so their first character is one percent-encoded byte. */
  private static String renamed(String key) {
    return String.format("%%%02X", (int) key.charAt(0)) + key.substring(1);
  }
}
