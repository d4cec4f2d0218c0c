package dev.agentos.readmodels.memory;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import java.util.Optional;

/**
 * A list filtered by type or tag while the storage-attached indexes behind those filters are
 * missing or still building: between a rebuild's start, which drops them, and its end, which builds
 * them again (ADR 0007). Lists without those filters are answered as usual; this one can be asked
 * again once the indexes are built, typically within a minute of the rebuild catching up.
 */
public final class ListFiltersUnavailableException extends RuntimeException {

  /** Cassandra's {@code RequestFailureReason.INDEX_NOT_AVAILABLE}: an index still building. */
  static final int INDEX_NOT_AVAILABLE = 6;

  /** Cassandra's refusal of a restriction on a column no index covers. */
  static final String NO_INDEX = "ALLOW FILTERING";

  public ListFiltersUnavailableException(RuntimeException cause) {
    super(
        "memory lists by type/tag are being rebuilt; ask again shortly, or list without them",
        cause);
  }

  /**
   * The failure of a filtered list as this exception when it says that an index is missing or not
   * built yet; empty for any other failure, which must not be mistaken for a rebuild.
   */
  static Optional<ListFiltersUnavailableException> of(RuntimeException failure) {
    boolean missing =
        failure instanceof InvalidQueryException invalid
            && invalid.getMessage() != null
            && invalid.getMessage().contains(NO_INDEX);
    boolean building =
        failure instanceof ReadFailureException read
            && read.getReasonMap().containsValue(INDEX_NOT_AVAILABLE);
    return missing || building
        ? Optional.of(new ListFiltersUnavailableException(failure))
        : Optional.empty();
  }
}
