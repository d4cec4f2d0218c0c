package dev.agentos.benchmarks.search;

/**
 * The "own vector plus half the neighbourhood's" lever of the retrieval benchmark: a memory keeps
 * its own meaning first and takes some of the turns around it.
 */
final class NeighbourVectors {

  private NeighbourVectors() {}

  /** {@code self + share * context}, normalised: the memory's own meaning dominates. */
  static float[] mix(float[] self, float[] context, double share) {
    float[] mixed = new float[self.length];
    double norm = 0;
    for (int i = 0; i < self.length; i++) {
      mixed[i] = (float) (self[i] + share * context[i]);
      norm += mixed[i] * mixed[i];
    }
    double length = Math.sqrt(norm);
    for (int i = 0; i < mixed.length; i++) {
      mixed[i] /= (float) length;
    }
    return mixed;
  }
}
