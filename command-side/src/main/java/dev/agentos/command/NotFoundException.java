package dev.agentos.command;

/**
 * A command on something the caller cannot see. Answered with HTTP 404; nothing changes.
 *
 * <p>An item the caller may not see (another tenant's, or another project's for a key bound to a
 * project, see {@link CommandOrigin#reaches}) answers {@link #item}, word for word what an id that
 * names nothing answers, so that no caller learns which ids others hold.
 */
public class NotFoundException extends RuntimeException {

  /** The detail of every answer about an item id the caller cannot see, whatever the reason. */
  public static final String NO_ITEM = "nothing with this id";

  private NotFoundException(String detail) {
    super(detail);
  }

  /** The item's id names nothing the caller may see: unknown, another kind, or not its own. */
  public static NotFoundException item() {
    return new NotFoundException(NO_ITEM);
  }

  /** A part of an item the caller sees (a relation of a memory, a key of an agent) is not there. */
  public static NotFoundException part(String what) {
    return new NotFoundException(what + " not found");
  }
}
