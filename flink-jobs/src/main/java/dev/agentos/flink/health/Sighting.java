package dev.agentos.flink.health;

/**
 * When a pattern or an anomaly, by id, was last seen, and what it weighs (keyed state POJO). By id,
 * so a detection reported twice (a RECURRING pattern, a redelivered anomaly) counts once.
 */
public class Sighting {

  public long lastSeen;
  public int points;

  public Sighting() {}

  Sighting(long lastSeen, int points) {
    this.lastSeen = lastSeen;
    this.points = points;
  }
}
