package dev.agentos.schemas.streams;

/**
 * The id of an aggregate's stream in the event store, and of anything else keyed per tenant (a
 * search document): {@code <length of tenant>:<tenant>/<id>}, e.g. {@code 2:t1/m1}. Ids are chosen
 * by clients and are unique within their tenant only, so two tenants' {@code m1} are two streams;
 * the length prefix makes the key injective whatever characters the tenant and the id hold (no pair
 * spells another pair's key), as the search scope key does (ADR 0006). One definition, shared by
 * the command side that writes the streams, the query side that reads a memory's history and the
 * projections that key documents by it (ADR 0008).
 *
 * <p>Axon's {@code aggregateIdentifier} column is {@code VARCHAR(255)}: a tenant id of at most
 * {@value #MAX_TENANT_LENGTH} characters and an id of at most {@value #MAX_ID_LENGTH} (the API's id
 * bound) always fit.
 */
public final class StreamIds {

  /** The longest tenant id a stream id can hold beside the longest id. */
  public static final int MAX_TENANT_LENGTH = 100;

  /** The longest id the APIs accept ({@code dev.agentos.auth.Ids}, which takes it from here). */
  public static final int MAX_ID_LENGTH = 128;

  private StreamIds() {}

  /** The stream id of {@code id} in {@code tenantId}. */
  public static String of(String tenantId, String id) {
    if (tenantId == null || tenantId.isEmpty()) {
      throw new IllegalArgumentException("a stream id needs a tenant");
    }
    if (tenantId.length() > MAX_TENANT_LENGTH) {
      throw new IllegalArgumentException(
          "tenant ids are at most " + MAX_TENANT_LENGTH + " characters: " + tenantId);
    }
    if (id == null) {
      throw new IllegalArgumentException("a stream id needs an id");
    }
    return tenantId.length() + ":" + tenantId + "/" + id;
  }

  /** The public id {@code streamId} was made of ({@link #of}): what follows the tenant. */
  public static String idOf(String streamId) {
    int colon = streamId.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("not a stream id: " + streamId);
    }
    int start;
    try {
      start = colon + 1 + Integer.parseInt(streamId.substring(0, colon)) + 1;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a stream id: " + streamId, e);
    }
    if (start > streamId.length() || streamId.charAt(start - 1) != '/') {
      throw new IllegalArgumentException("not a stream id: " + streamId);
    }
    return streamId.substring(start);
  }
}
