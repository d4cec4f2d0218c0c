package dev.agentos.command;

import dev.agentos.events.common.EventHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Event headers with a fixed time and id, so aggregate tests can expect exact events: register it
 * with {@code fixture.registerInjectableResource(FixedEventHeaders.HEADERS)} and build expected
 * headers with {@link #of(CommandOrigin)}.
 */
public final class FixedEventHeaders {

  public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  public static final String EVENT_ID = "00000000-0000-4000-8000-000000000001";
  public static final EventHeaders HEADERS =
      new EventHeaders(Clock.fixed(NOW, ZoneOffset.UTC), () -> EVENT_ID);

  private FixedEventHeaders() {}

  public static EventHeader of(CommandOrigin origin) {
    return HEADERS.next(origin);
  }
}
