package dev.agentos.flink.prediction.serving;

import java.util.ArrayList;
import java.util.List;

/**
 * Which versions of one tenant's model serve, by the rule the models read model follows too: the
 * champion is the last promoted version; until any promotion, the newest trained version serves as
 * champion; after a promotion, the newest version trained later than the promoted one is the
 * challenger. A Flink POJO kept in broadcast state, with the latest {@value #KEPT} trained versions
 * (a promotion names one of them) and the promoted one, however old.
 */
public class ServingVersions {

  static final int KEPT = 10;

  /** Trained versions, oldest first. */
  public List<ModelChange> trained = new ArrayList<>();

  /** The promoted version, null before any promotion. */
  public String promoted;

  public ServingVersions() {}

  void apply(ModelChange change) {
    if (change.promoted()) {
      promoted = change.version();
      return;
    }
    trained.removeIf(known -> known.version().equals(change.version()));
    trained.add(change);
    if (trained.size() > KEPT) {
      trained.remove(trained.get(0).version().equals(promoted) ? 1 : 0);
    }
  }

  /** The version whose predictions answer, null when none is known. */
  ModelChange champion() {
    if (promoted == null) {
      return newest();
    }
    return trained.stream().filter(v -> v.version().equals(promoted)).findFirst().orElse(null);
  }

  /** The version scored beside the champion, null when there is none. */
  ModelChange challenger() {
    if (promoted == null) {
      return null;
    }
    int promotedAt = -1;
    for (int i = 0; i < trained.size(); i++) {
      if (trained.get(i).version().equals(promoted)) {
        promotedAt = i;
      }
    }
    ModelChange newest = newest();
    return newest != null && trained.indexOf(newest) > promotedAt && promotedAt >= 0
        ? newest
        : null;
  }

  private ModelChange newest() {
    return trained.isEmpty() ? null : trained.get(trained.size() - 1);
  }
}
