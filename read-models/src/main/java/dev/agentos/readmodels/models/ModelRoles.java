package dev.agentos.readmodels.models;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which versions of a model serve, by the rule the prediction job's serving follows too: the
 * champion is the last promoted version; until any promotion, the newest trained version serves as
 * champion; after a promotion, a version trained later than the promoted one is the challenger (the
 * newest such). Every other version is retired.
 *
 * <p>"Newest" and "later" are by training time (the {@code ModelTrained}'s event time), ties broken
 * by version, so the answer depends on the events alone, not on the order they were read in. A
 * promoted version not (yet) known as trained is still the champion, with no challenger, as the
 * versions trained after it cannot be told.
 */
public final class ModelRoles {

  /** A trained version: its name and when it was trained. */
  public record Trained(String version, Instant trainedAt) {}

  /** A promotion: the version it made champion, when, and its event id (the tie-breaker). */
  public record Promoted(String version, Instant promotedAt, String eventId) {}

  private static final Comparator<Trained> BY_TRAINING =
      Comparator.comparing(Trained::trainedAt).thenComparing(Trained::version);

  private final String champion;
  private final String challenger;

  private ModelRoles(String champion, String challenger) {
    this.champion = champion;
    this.challenger = challenger;
  }

  public static ModelRoles of(List<Trained> versions, List<Promoted> promotions) {
    Optional<Promoted> last =
        promotions.stream()
            .max(Comparator.comparing(Promoted::promotedAt).thenComparing(Promoted::eventId));
    if (last.isEmpty()) {
      return new ModelRoles(
          versions.stream().max(BY_TRAINING).map(Trained::version).orElse(null), null);
    }
    String champion = last.get().version();
    Optional<Trained> promoted =
        versions.stream().filter(v -> v.version().equals(champion)).findFirst();
    String challenger =
        promoted
            .flatMap(
                p ->
                    versions.stream()
                        .filter(v -> BY_TRAINING.compare(v, p) > 0)
                        .max(BY_TRAINING)
                        .map(Trained::version))
            .orElse(null);
    return new ModelRoles(champion, challenger);
  }

  /** The version whose predictions answer; empty for a model with no version at all. */
  public Optional<String> champion() {
    return Optional.ofNullable(champion);
  }

  /** The version scored beside the champion; empty when none is. */
  public Optional<String> challenger() {
    return Optional.ofNullable(challenger);
  }

  public ServingRole roleOf(String version) {
    if (version.equals(champion)) {
      return ServingRole.CHAMPION;
    }
    return version.equals(challenger) ? ServingRole.CHALLENGER : ServingRole.RETIRED;
  }
}
