package dev.agentos.flink.prediction.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * A trained model's booster, ready to predict the probability of success of one request.
 *
 * <p>Thread safety: {@link #predict} may be called from several threads at once (it uses XGBoost's
 * in-place prediction, which the library documents as thread-safe), each prediction on one thread
 * of its own (the booster's {@code nthread} is 1, so a Flink task does not start an OpenMP pool per
 * call). {@link #close} must not race with a prediction. Not serializable: a Flink function loads
 * it in {@code open} from the artifact its {@code ModelTrained} names.
 */
public final class TrainedModel implements AutoCloseable {

  private final Booster booster;
  private final int featureCount;

  private TrainedModel(Booster booster) throws XGBoostError {
    this.booster = booster;
    this.booster.setParam("nthread", 1);
    this.featureCount = Math.toIntExact(booster.getNumFeature());
  }

  /** The model stored in {@code artifact} (XGBoost's UBJSON, as {@link ModelArtifacts} writes). */
  public static TrainedModel fromBytes(byte[] artifact) {
    try {
      return new TrainedModel(XGBoost.loadModel(artifact));
    } catch (XGBoostError | IOException e) {
      throw new IllegalArgumentException("not an XGBoost model: " + e.getMessage(), e);
    }
  }

  /**
   * Loads the artifact at {@code uri} (any file system Flink reaches: {@code file:}, or {@code s3:}
   * and the like on a cluster with the plugin), refusing it unless its SHA-256 is {@code
   * expectedSha256}: a model replaced or damaged after training must not serve predictions under
   * the version and metrics its {@code ModelTrained} recorded.
   */
  public static TrainedModel load(URI uri, String expectedSha256) throws IOException {
    byte[] artifact = read(uri);
    String actual = ModelArtifacts.sha256(artifact);
    if (!actual.equalsIgnoreCase(expectedSha256)) {
      throw new IOException(
          "refusing model artifact "
              + uri
              + ": its SHA-256 is "
              + actual
              + " but the model was recorded with "
              + expectedSha256
              + " (the file was changed or damaged after training)");
    }
    return fromBytes(artifact);
  }

  private static byte[] read(URI uri) throws IOException {
    Path path = new Path(uri);
    FileSystem files = path.getFileSystem();
    try (InputStream in = files.open(path)) {
      return in.readAllBytes();
    }
  }

  /** How many inputs it takes: {@code features.length} of every {@link #predict}. */
  public int featureCount() {
    return featureCount;
  }

  /** The input names it was trained with, in order; empty if it was trained without names. */
  public List<String> featureNames() {
    try {
      String[] names = booster.getFeatureNames();
      return names == null ? List.of() : List.of(names);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read the model's feature names", e);
    }
  }

  /** The probability of success of a request with these inputs; NaN marks a missing one. */
  public float predict(double[] features) {
    return predictAll(new double[][] {features})[0];
  }

  /** {@link #predict} of each row, in one call to the library. */
  public float[] predictAll(double[][] rows) {
    float[] data = new float[rows.length * featureCount];
    for (int row = 0; row < rows.length; row++) {
      if (rows[row].length != featureCount) {
        throw new IllegalArgumentException(
            "the model takes " + featureCount + " features, not " + rows[row].length);
      }
      for (int column = 0; column < featureCount; column++) {
        data[row * featureCount + column] = (float) rows[row][column];
      }
    }
    float[] probabilities = new float[rows.length];
    if (rows.length == 0) {
      return probabilities;
    }
    try {
      float[][] predicted = booster.inplace_predict(data, rows.length, featureCount, Float.NaN);
      for (int row = 0; row < rows.length; row++) {
        probabilities[row] = predicted[row][0];
      }
      return probabilities;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    }
  }

  /** The booster in XGBoost's UBJSON format: what {@link ModelArtifacts} stores. */
  public byte[] toBytes() {
    try {
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot serialize the model: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    booster.dispose();
  }
}
