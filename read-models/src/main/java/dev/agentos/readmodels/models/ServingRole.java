package dev.agentos.readmodels.models;

/** What a trained version of a model does now, by {@link ModelRoles}' rule. */
public enum ServingRole {
  /** Its predictions answer. */
  CHAMPION,
  /** Scored beside the champion until it is promoted or a newer version replaces it. */
  CHALLENGER,
  /** Serves no more, or never served (a version trained before the champion). */
  RETIRED
}
