package dev.agentos.executor.sandbox;

/**
 * A file the program left in its work folder, read back after the run before the folder was
 * removed: a test runner's report, say.
 *
 * @param bytes the start of the file, at most what the request allows for all collected files
 * @param truncated whether the file was longer than what was kept
 */
public record CollectedFile(byte[] bytes, boolean truncated) {

  public CollectedFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }
}
