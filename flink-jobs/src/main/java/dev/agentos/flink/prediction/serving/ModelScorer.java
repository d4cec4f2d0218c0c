package dev.agentos.flink.prediction.serving;

import java.io.IOException;
import java.io.Serializable;

/** A loaded model version: the probability of success for one request's inputs, in its order. */
@FunctionalInterface
public interface ModelScorer {

  float predict(double[] features);

  /** Loads a version's artifact, checking its checksum; serializable, as operators carry it. */
  @FunctionalInterface
  interface Loader extends Serializable {
    ModelScorer load(String artifactUri, String artifactSha256) throws IOException;
  }
}
