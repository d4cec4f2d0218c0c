package dev.agentos.command;

import dev.agentos.events.common.EventHeader;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes the header of every event an aggregate applies: a fresh eventId (the idempotency key
 * downstream), the time, and the command's origin. Injected into command handlers as a resource, so
 * aggregate tests can fix the clock and the ids and compare events exactly.
 */
public class EventHeaders {

  public static final String SOURCE = "command-side";

  private final Clock clock;
  private final Supplier<String> ids;

  public EventHeaders(Clock clock, Supplier<String> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  public static EventHeaders system() {
    return new EventHeaders(Clock.systemUTC(), () -> UUID.randomUUID().toString());
  }

  public EventHeader next(CommandOrigin origin) {
    return EventHeader.newBuilder()
        .setEventId(ids.get())
        .setOccurredAt(clock.instant())
        .setTenantId(origin.tenantId())
        .setProjectId(origin.projectId())
        .setAgentId(origin.agentId())
        .setSessionId(origin.sessionId())
        .setTraceId(origin.traceId())
        .setSource(SOURCE)
        .build();
  }

  public Clock clock() {
    return clock;
  }
}
